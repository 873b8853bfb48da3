package dev.mocks3.events.job;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.job.drive.trash.purge}: purge the user's trash item {@code entryId}
 * if it is still the one deleted at {@code trashedAt} (restored, or deleted again later, it is left alone).
 */
public record DriveTrashPurge(@JsonProperty("user_id") long userId, @JsonProperty("entry_id") long entryId,
                              @JsonProperty("trashed_at") OffsetDateTime trashedAt) {
}
