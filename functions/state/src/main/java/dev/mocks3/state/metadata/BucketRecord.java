package dev.mocks3.state.metadata;

import java.time.Instant;

public record BucketRecord(String name, String owner, String region, Instant createdAt, Versioning versioning) {

    public BucketRecord(String name, String owner, String region, Instant createdAt) {
        this(name, owner, region, createdAt, Versioning.UNVERSIONED);
    }
}
