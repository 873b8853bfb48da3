package dev.mocks3.events.job;

/** Payload of {@code dev.mocks3.job.blobs.reclaim}: none is needed; the whole blob store is swept. */
public record ReclaimBlobs() {
}
