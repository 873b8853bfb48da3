package dev.mocks3.state.config;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import dev.mocks3.state.metadata.BucketRecord;

/** A bucket with some of its configuration documents, read in one query. */
public record BucketSettings(BucketRecord bucket, Map<BucketSetting, String> documents) {

    public BucketSettings {
        documents = documents.isEmpty() ? Map.of() : new EnumMap<>(documents);
    }

    public Optional<String> document(BucketSetting setting) {
        return Optional.ofNullable(documents.get(setting));
    }
}
