package dev.mocks3.app.auth;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call: access key → secret ({@code mocks3.auth.keys.test=test} by default); with
 * {@code strict} on, unsigned (anonymous) requests are refused with AccessDenied.
 */
@ConfigurationProperties("mocks3.auth")
public record AuthProperties(@DefaultValue("false") boolean strict, Map<String, String> keys) {

    public Map<String, String> keysOrDefault() {
        return keys == null || keys.isEmpty() ? Map.of("test", "test") : keys;
    }
}
