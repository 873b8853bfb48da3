package dev.mocks3.core.auth;

import dev.mocks3.core.call.S3Call;

/**
 * Who a call acts as: its verified access key, or for an unsigned call the default owner
 * ({@code mocks3.auth.default-owner}, by default the key {@code test}), so that curl and the AWS
 * CLI with the default key share their buckets. Buckets store the empty string for owners
 * recorded before default owners existed; they belong to the default owner too.
 */
public final class CallOwner {
    /** Set by {@link AuthCheck} on every call it passes: the access key an unsigned call acts as. */
    static final String DEFAULT_OWNER = "mocks3.auth.default-owner";

    private CallOwner() {
    }

    /** The access key the call acts as; the empty string when it is unsigned and no default owner is configured. */
    public static String of(S3Call call) {
        if (call.accessKey() != null) {
            return call.accessKey();
        }
        String fallback = call.attribute(DEFAULT_OWNER);
        return fallback == null ? "" : fallback;
    }

    /** The owner a stored owner column names, seen from this call: an empty one is the default owner. */
    public static String resolve(String stored, S3Call call) {
        if (stored != null && !stored.isEmpty()) {
            return stored;
        }
        String fallback = call.attribute(DEFAULT_OWNER);
        return fallback == null ? "" : fallback;
    }
}
