package dev.mocks3.core.checksum;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

/**
 * Reads the body digests a request declares in its headers: {@code Content-MD5} and at most one
 * {@code x-amz-checksum-<algorithm>}. Malformed values fail at once, before any body is read.
 */
public final class ChecksumHeaders {

    public static final String SDK_ALGORITHM = "x-amz-sdk-checksum-algorithm";

    private ChecksumHeaders() {
    }

    /**
     * @param amzChecksumsDescribeBody false where {@code x-amz-checksum-*} describes something else
     *     than the request body (CompleteMultipartUpload: the whole object)
     */
    public static DigestCheck of(HttpHeaders headers, boolean amzChecksumsDescribeBody) {
        List<ExpectedDigest> expected = new ArrayList<>(1);
        String md5 = headers.getFirst("Content-MD5");
        if (md5 != null) {
            byte[] value = ChecksumAlgorithm.MD5.decode(md5).orElseThrow(S3Error.INVALID_DIGEST::exception);
            expected.add(new ExpectedDigest(ChecksumAlgorithm.MD5, value, computed -> S3Error.BAD_DIGEST.exception()
                    .with("ExpectedDigest", md5)
                    .with("CalculatedDigest", ChecksumAlgorithm.MD5.base64(computed))));
        }
        if (amzChecksumsDescribeBody) {
            ExpectedDigest amz = null;
            for (Map.Entry<String, List<String>> header : headers.headerSet()) {
                var algorithm = ChecksumAlgorithm.forHeader(header.getKey());
                if (algorithm.isEmpty()) {
                    continue;
                }
                if (amz != null) {
                    throw S3Error.INVALID_REQUEST.exception(
                            "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
                }
                amz = expect(algorithm.get(), header.getValue().get(0));
            }
            if (amz != null) {
                expected.add(amz);
            }
        }
        return new DigestCheck(expected);
    }

    /**
     * The checksum the request declares for its body (an {@code x-amz-checksum-*} header, or the trailer
     * {@code x-amz-trailer} names), held against {@code x-amz-sdk-checksum-algorithm}; null for none.
     */
    public static BodyChecksum declared(HttpHeaders headers, ChecksumAlgorithm trailer) {
        ChecksumAlgorithm inHeader = null;
        String value = null;
        for (Map.Entry<String, List<String>> header : headers.headerSet()) {
            var algorithm = ChecksumAlgorithm.forHeader(header.getKey());
            if (algorithm.isPresent()) {
                inHeader = algorithm.get();
                value = header.getValue().get(0);
            }
        }
        if (inHeader != null && trailer != null) {
            throw S3Error.INVALID_REQUEST.exception(
                    "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
        }
        ChecksumAlgorithm declared = inHeader != null ? inHeader : trailer;
        ChecksumAlgorithm sdk = ChecksumAlgorithm.requested(headers.getFirst(SDK_ALGORITHM), SDK_ALGORITHM);
        if (sdk != null && declared == null) {
            throw S3Error.INVALID_REQUEST.exception("x-amz-sdk-checksum-algorithm specified, but no corresponding "
                    + "x-amz-checksum-* or x-amz-trailer headers were found.");
        }
        if (sdk != null && sdk != declared) {
            throw S3Error.INVALID_REQUEST.exception("Value for x-amz-sdk-checksum-algorithm header is invalid.");
        }
        return declared == null ? null : new BodyChecksum(declared, value);
    }

    /** An {@code x-amz-checksum-*} value (header or trailer) as an expectation on the body. */
    public static ExpectedDigest expect(ChecksumAlgorithm algorithm, String base64) {
        byte[] value = algorithm.decode(base64).orElseThrow(() -> S3Error.INVALID_REQUEST.exception(
                "Value for " + algorithm.headerName() + " header is invalid."));
        return new ExpectedDigest(algorithm, value, computed -> mismatch(algorithm, computed));
    }

    private static S3Exception mismatch(ChecksumAlgorithm algorithm, byte[] computed) {
        return S3Error.BAD_CHECKSUM
                .exception("The " + algorithm.name() + " you specified did not match the calculated checksum.")
                .with("CalculatedChecksum", algorithm.base64(computed));
    }
}
