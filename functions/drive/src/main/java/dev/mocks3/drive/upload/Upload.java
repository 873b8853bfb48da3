package dev.mocks3.drive.upload;

import java.time.OffsetDateTime;

import dev.mocks3.drive.http.OnConflict;

/** A presigned upload waiting for its callback; {@code multipartId} is null for a single PUT. */
public record Upload(String id, long userId, long parentId, String name, long size, String sha256, String s3Key,
                     String multipartId, long partSize, int partCount, OnConflict onConflict, OffsetDateTime createdAt) {

    public boolean multipart() {
        return multipartId != null;
    }
}
