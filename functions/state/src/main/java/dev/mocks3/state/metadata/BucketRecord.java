package dev.mocks3.state.metadata;

import java.time.Instant;

public record BucketRecord(String name, String owner, String region, Instant createdAt) {
}
