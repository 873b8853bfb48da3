package dev.mocks3.faults.inject;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a key looked like before a write, served by stale_read for the rule's window.
 *
 * @param rule    the stale_read rule that made the snapshot
 * @param exists  false: the key did not exist before the write (reads answer NoSuchKey)
 * @param headers the GET response headers (ETag, Content-Length, Content-Type, Last-Modified, x-amz-meta-*)
 * @param body    the bytes, or null when the object was larger than the configured limit
 */
public record StaleSnapshot(@JsonProperty("rule") String rule,
                            @JsonProperty("exists") boolean exists,
                            @JsonProperty("headers") Map<String, String> headers,
                            @JsonProperty("body") byte[] body) {

    public static StaleSnapshot absent(String rule) {
        return new StaleSnapshot(rule, false, Map.of(), null);
    }
}
