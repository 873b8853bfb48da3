package dev.mocks3.state.metadata;

import java.time.Instant;
import java.util.Map;

/**
 * Where a version keeps its Object Lock state: among its stored headers, under the names S3 sends
 * them with. Lifecycle reads them here to leave protected versions alone.
 */
public final class ObjectLockHeaders {
    public static final String MODE = "x-amz-object-lock-mode";
    public static final String RETAIN_UNTIL = "x-amz-object-lock-retain-until-date";
    public static final String LEGAL_HOLD = "x-amz-object-lock-legal-hold";

    private ObjectLockHeaders() {
    }

    /** True while a legal hold is on or a retention (either mode: lifecycle never bypasses governance) runs. */
    public static boolean protects(Map<String, String> storedHeaders, Instant now) {
        if ("ON".equals(storedHeaders.get(LEGAL_HOLD))) {
            return true;
        }
        String until = storedHeaders.get(RETAIN_UNTIL);
        return storedHeaders.get(MODE) != null && until != null && Instant.parse(until).isAfter(now);
    }
}
