package dev.mocks3.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code dev.mocks3.job.drive.search.reindex}: rebuild the index of one user, or of everyone when {@code userId} is absent. */
public record DriveSearchReindex(@JsonProperty("user_id") Long userId) {
}
