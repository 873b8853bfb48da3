package dev.mocks3.state.metadata;

import java.time.Instant;

/** An open multipart upload and the object it will become. */
public record MultipartUpload(String uploadId, Instant initiated, ObjectDraft draft) {
}
