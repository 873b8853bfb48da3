package dev.mocks3.s3.multipart;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.checksum.BodyChecksum;
import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.ChecksumType;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.metadata.StoredHeaders;
import dev.mocks3.state.metadata.MultipartUpload;

/**
 * The checksum a multipart upload was created with ({@code x-amz-checksum-algorithm} and
 * {@code x-amz-checksum-type} on CreateMultipartUpload), kept among the upload's internal headers.
 *
 * @param algorithm null when the upload named none
 */
public record UploadChecksum(ChecksumAlgorithm algorithm, ChecksumType type) {
    static final UploadChecksum NONE = new UploadChecksum(null, null);
    private static final String ALGORITHM_KEY = StoredHeaders.INTERNAL_PREFIX + "checksum-algorithm";
    private static final String TYPE_KEY = StoredHeaders.INTERNAL_PREFIX + "checksum-type";

    /** What CreateMultipartUpload asks for; FULL_OBJECT only with a CRC, COMPOSITE not with CRC64NVME. */
    static UploadChecksum requested(HttpHeaders headers) {
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.requested(headers.getFirst("x-amz-checksum-algorithm"),
                "x-amz-checksum-algorithm");
        ChecksumType type = ChecksumType.parse(headers.getFirst(ObjectChecksum.CHECKSUM_TYPE));
        if (algorithm == null) {
            if (type != null) {
                throw S3Error.INVALID_REQUEST.exception(
                        "The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.");
            }
            return NONE;
        }
        if (type == null) {
            type = algorithm.allowsComposite() ? ChecksumType.COMPOSITE : ChecksumType.FULL_OBJECT;
        }
        boolean allowed = type == ChecksumType.COMPOSITE ? algorithm.allowsComposite() : algorithm.combinesFullObject();
        if (!allowed) {
            throw S3Error.INVALID_REQUEST.exception("The " + type + " checksum type cannot be used with the "
                    + algorithm.lowerName() + " checksum algorithm.");
        }
        return new UploadChecksum(algorithm, type);
    }

    static UploadChecksum of(MultipartUpload upload) {
        String algorithm = upload.draft().headers().get(ALGORITHM_KEY);
        if (algorithm == null) {
            return NONE;
        }
        return new UploadChecksum(ChecksumAlgorithm.valueOf(algorithm), ChecksumType.valueOf(upload.draft().headers().get(TYPE_KEY)));
    }

    boolean isNone() {
        return algorithm == null;
    }

    /** The draft's stored headers with this upload checksum among them. */
    Map<String, String> into(Map<String, String> headers) {
        Map<String, String> with = new TreeMap<>(headers);
        if (algorithm != null) {
            with.put(ALGORITHM_KEY, algorithm.name());
            with.put(TYPE_KEY, type.name());
        }
        return with;
    }

    /** The stored headers without this upload's checksum settings: what the completed object keeps. */
    static Map<String, String> without(Map<String, String> headers) {
        Map<String, String> without = new TreeMap<>(headers);
        without.remove(ALGORITHM_KEY);
        without.remove(TYPE_KEY);
        return without;
    }

    /** x-amz-checksum-algorithm and x-amz-checksum-type, as CreateMultipartUpload answers them. */
    void writeTo(HttpHeaders headers) {
        if (algorithm != null) {
            headers.set("x-amz-checksum-algorithm", algorithm.name());
            headers.set(ObjectChecksum.CHECKSUM_TYPE, type.name());
        }
    }

    /**
     * Whether S3 computes the part's checksum itself: a part of a FULL_OBJECT upload may come without one;
     * a part that declares another algorithm, or none for a COMPOSITE upload, is refused.
     */
    boolean computesFor(BodyChecksum declared) {
        if (algorithm == null) {
            return false;
        }
        if (declared == null && type == ChecksumType.FULL_OBJECT) {
            return true;
        }
        if (declared == null || declared.algorithm() != algorithm) {
            throw S3Error.INVALID_REQUEST.exception("Checksum Type mismatch occurred, expected checksum Type: "
                    + algorithm.lowerName() + ", actual checksum Type: "
                    + (declared == null ? "null" : declared.algorithm().lowerName()));
        }
        return false;
    }
}
