package dev.mocks3.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Payload of {@code dev.mocks3.job.lifecycle.expire}: the bucket whose lifecycle rules are carried out now. */
public record LifecycleExpire(@JsonProperty("bucket") String bucket) {
}
