package dev.mocks3.state.metadata;

import java.time.Instant;

/** @param crc32 the part's CRC32 (base64), or null for a part stored before parts kept one */
public record UploadedPart(int partNumber, String blobSha256, long size, String etag, String md5Hex,
                           Instant lastModified, String crc32) {

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
