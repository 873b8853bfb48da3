package dev.mocks3.events.job;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Payload of {@code dev.mocks3.job.upstream.fetch}: store {@code key} of {@code bucket} from the
 * bucket's upstream, unless the bucket holds the key by then.
 */
public record FetchUpstream(@JsonProperty("bucket") String bucket, @JsonProperty("key") String key) {
}
