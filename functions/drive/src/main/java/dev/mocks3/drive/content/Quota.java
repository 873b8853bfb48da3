package dev.mocks3.drive.content;

/** A user's quota in bytes. */
public record Quota(long used, long total) {
}
