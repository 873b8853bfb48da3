package dev.mocks3.s3.multipart;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.checksum.ChecksumAlgorithm;
import dev.mocks3.core.checksum.ChecksumType;
import dev.mocks3.core.checksum.CrcCombination;
import dev.mocks3.core.checksum.ObjectChecksum;
import dev.mocks3.core.checksum.RunningChecksum;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.metadata.UploadedPart;

/**
 * The checksum a completed multipart object gets, made from its parts' checksums without reading a
 * byte of them again: COMPOSITE, the checksum of the parts' raw checksums joined ({@code <base64>-<count>});
 * FULL_OBJECT, the parts' CRCs combined into the CRC of the whole. An upload that named no algorithm
 * gets the CRC32 every object keeps, combined from the parts' CRC32s.
 */
final class MultipartChecksum {

    private MultipartChecksum() {
    }

    /**
     * Holds the part checksums listed in the complete request against the stored ones: an upload with an
     * algorithm needs one for every part (else InvalidRequest); a different one is InvalidPart, and so is
     * one listed for an upload that named no algorithm.
     */
    static void checkListed(UploadChecksum upload, List<CompleteMultipartUpload.Requested> listed,
                            List<UploadedPart> chosen) {
        for (int i = 0; i < chosen.size(); i++) {
            CompleteMultipartUpload.Requested want = listed.get(i);
            UploadedPart part = chosen.get(i);
            if (upload.isNone()) {
                if (!want.checksums().isEmpty()) {
                    throw CompleteMultipartUpload.invalidPart(want);
                }
                continue;
            }
            String value = want.checksums().get(upload.algorithm());
            if (value == null) {
                throw S3Error.INVALID_REQUEST.exception("The upload was created using a " + upload.algorithm().lowerName()
                        + " checksum. The complete request must include the checksum for each part. It was missing for part "
                        + want.partNumber() + " in the request.");
            }
            if (!value.equals(part.checksums().get(upload.algorithm().name()))) {
                throw CompleteMultipartUpload.invalidPart(want);
            }
        }
    }

    /** The object's checksum, or null when a part lacks the checksum it needs. */
    static ObjectChecksum of(UploadChecksum upload, List<UploadedPart> parts) {
        ChecksumAlgorithm algorithm = upload.isNone() ? ChecksumAlgorithm.CRC32 : upload.algorithm();
        ChecksumType type = upload.isNone() ? ChecksumType.FULL_OBJECT : upload.type();
        List<byte[]> values = new ArrayList<>(parts.size());
        List<ObjectChecksum.Part> listed = new ArrayList<>(parts.size());
        for (UploadedPart part : parts) {
            String value = part.checksums().get(algorithm.name());
            byte[] raw = value == null ? null : algorithm.decode(value).orElse(null);
            if (raw == null) {
                return null;
            }
            values.add(raw);
            listed.add(new ObjectChecksum.Part(part.partNumber(), part.size(), value));
        }
        String value = type == ChecksumType.COMPOSITE ? composite(algorithm, values)
                : algorithm.base64(combined(algorithm, values, parts));
        return new ObjectChecksum(algorithm, value, type, upload.isNone() ? List.of() : listed);
    }

    /**
     * The whole object's x-amz-checksum-type and x-amz-checksum-* a complete request may declare: the
     * type must be the upload's, the checksum the one computed (BadDigest otherwise).
     */
    static void checkDeclared(HttpHeaders headers, UploadChecksum upload, ObjectChecksum computed) {
        ChecksumType type = ChecksumType.parse(headers.getFirst(ObjectChecksum.CHECKSUM_TYPE));
        if (type != null && !upload.isNone() && type != upload.type()) {
            throw S3Error.INVALID_REQUEST.exception("The upload was created using the " + upload.type()
                    + " checksum mode. The complete request must use the same checksum mode.");
        }
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.amzChecksums()) {
            String declared = headers.getFirst(algorithm.headerName());
            if (declared == null || upload.isNone()) {
                continue;
            }
            if (algorithm != upload.algorithm()) {
                throw S3Error.INVALID_REQUEST.exception("Checksum Type mismatch occurred, expected checksum Type: "
                        + upload.algorithm().lowerName() + ", actual checksum Type: " + algorithm.lowerName());
            }
            if (computed != null && !withoutPartCount(declared.strip()).equals(withoutPartCount(computed.value()))) {
                throw S3Error.BAD_CHECKSUM.exception("The " + algorithm.name()
                        + " you specified did not match the calculated checksum.");
            }
        }
    }

    private static String withoutPartCount(String value) {
        int dash = value.lastIndexOf('-');
        return dash < 0 ? value : value.substring(0, dash);
    }

    private static String composite(ChecksumAlgorithm algorithm, List<byte[]> values) {
        RunningChecksum checksum = algorithm.start();
        values.forEach(raw -> checksum.update(ByteBuffer.wrap(raw)));
        return algorithm.base64(checksum.finish()) + "-" + values.size();
    }

    private static byte[] combined(ChecksumAlgorithm algorithm, List<byte[]> values, List<UploadedPart> parts) {
        CrcCombination combination = CrcCombination.of(algorithm);
        byte[] whole = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            whole = combination.combine(whole, values.get(i), parts.get(i).size());
        }
        return whole;
    }
}
