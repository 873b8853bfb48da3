package dev.mocks3.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.job.drive.search.index}: the user's entry {@code entryId} changed
 * (created, renamed, moved, deleted, restored, copied, saved from a share); the search index takes
 * that entry and everything below it as the files table has them now.
 */
public record DriveSearchIndex(@JsonProperty("user_id") long userId, @JsonProperty("entry_id") long entryId) {
}
