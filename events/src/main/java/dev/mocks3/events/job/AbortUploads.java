package dev.mocks3.events.job;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.job.uploads.abort}: abort the bucket's multipart uploads of keys
 * starting with {@code prefix} that were initiated at or before {@code initiatedBy}.
 */
public record AbortUploads(@JsonProperty("bucket") String bucket, @JsonProperty("prefix") String prefix,
                           @JsonProperty("initiated_by") Instant initiatedBy) {
}
