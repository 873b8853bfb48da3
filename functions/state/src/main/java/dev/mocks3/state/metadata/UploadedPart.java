package dev.mocks3.state.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * One part of an open multipart upload.
 *
 * @param checksums the part's checksums by algorithm name ({@code CRC32}), base64; may lack any
 */
public record UploadedPart(int partNumber, String blobSha256, long size, String etag, String md5Hex,
                           Instant lastModified, Map<String, String> checksums) {

    public UploadedPart {
        checksums = checksums == null ? Map.of() : Map.copyOf(checksums);
    }

    /** A part without checksums. */
    public UploadedPart(int partNumber, String blobSha256, long size, String etag, String md5Hex, Instant lastModified) {
        this(partNumber, blobSha256, size, etag, md5Hex, lastModified, Map.of());
    }

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
