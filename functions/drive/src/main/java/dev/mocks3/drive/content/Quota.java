package dev.mocks3.drive.content;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A user's quota in bytes, as PostgreSQL held it at {@code version} (which every change of the
 * row takes one up, so of two figures for one user the higher version is the newer).
 */
public record Quota(long used, long total, @JsonIgnore long version) {
}
