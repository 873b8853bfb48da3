package dev.mocks3.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code dev.mocks3.job.drive.upload.expire}: abort the user's upload {@code uploadId} if its callback never came. */
public record DriveUploadExpire(@JsonProperty("user_id") long userId, @JsonProperty("upload_id") String uploadId) {
}
