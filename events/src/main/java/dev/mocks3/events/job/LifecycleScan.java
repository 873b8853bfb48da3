package dev.mocks3.events.job;

/** Payload of {@code dev.mocks3.job.lifecycle.scan}: none; every bucket with a lifecycle configuration is visited. */
public record LifecycleScan() {
}
