package dev.mocks3.core.metadata;

/**
 * The names MockS3 keeps among an object's stored headers for itself (its ACL, restore state, SSE-C key hash,
 * an upload's checksum settings): never sent to a client.
 */
public final class StoredHeaders {
    public static final String INTERNAL_PREFIX = "x-mocks3-";
    /** The hash of an SSE-C object's customer key: a read must present the key. */
    public static final String SSE_CUSTOMER_KEY_HASH = INTERNAL_PREFIX + "sse-customer-key-hash";

    private StoredHeaders() {
    }

    /** A stored header that is MockS3's own, not the object's. */
    public static boolean internal(String name) {
        return name.startsWith(INTERNAL_PREFIX);
    }
}
