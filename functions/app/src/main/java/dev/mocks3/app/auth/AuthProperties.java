package dev.mocks3.app.auth;

import java.util.Map;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call: access key → secret ({@code mocks3.auth.keys.test=test} by default); with
 * {@code strict} on, unsigned (anonymous) requests are refused with AccessDenied. Outside strict
 * mode an unsigned request acts as {@code default-owner}: by default the key {@code test} when it
 * is configured, else the first configured key in name order.
 */
@ConfigurationProperties("mocks3.auth")
public record AuthProperties(@DefaultValue("false") boolean strict, Map<String, String> keys, String defaultOwner) {
    private static final String DEFAULT_KEY = "test";

    public Map<String, String> keysOrDefault() {
        return keys == null || keys.isEmpty() ? Map.of(DEFAULT_KEY, DEFAULT_KEY) : keys;
    }

    /** The access key unsigned requests act as (they own the buckets they create). */
    public String defaultOwnerOrFirstKey() {
        if (defaultOwner != null && !defaultOwner.isBlank()) {
            return defaultOwner.strip();
        }
        Map<String, String> configured = keysOrDefault();
        return configured.containsKey(DEFAULT_KEY) ? DEFAULT_KEY : new TreeSet<>(configured.keySet()).first();
    }
}
