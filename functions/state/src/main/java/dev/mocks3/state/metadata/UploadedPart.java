package dev.mocks3.state.metadata;

import java.time.Instant;

public record UploadedPart(int partNumber, String blobSha256, long size, String etag, String md5Hex,
                           Instant lastModified) {

    public String quotedEtag() {
        return "\"" + etag + "\"";
    }
}
