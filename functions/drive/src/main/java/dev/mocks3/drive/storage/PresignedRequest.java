package dev.mocks3.drive.storage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request the client makes straight to S3: method, URL and the headers it must send as signed
 * (besides Host). {@code expiresAt} is in epoch seconds.
 */
public record PresignedRequest(String method, String url, Map<String, String> headers, long expiresAt) {

    static PresignedRequest of(String method, String url, Map<String, List<String>> signed, Instant expiration) {
        Map<String, String> headers = new TreeMap<>();
        signed.forEach((name, values) -> {
            if (!"host".equalsIgnoreCase(name)) {
                headers.put(name, String.join(",", values));
            }
        });
        return new PresignedRequest(method, url, headers, expiration.getEpochSecond());
    }
}
