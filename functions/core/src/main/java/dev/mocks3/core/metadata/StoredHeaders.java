package dev.mocks3.core.metadata;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

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

    /** What a read of an SSE-C object without its key is answered, as S3 answers it. */
    public static S3Exception customerKeyRequired() {
        return S3Error.INVALID_REQUEST.exception("The object was stored using a form of Server Side Encryption. "
                + "The correct parameters must be provided to retrieve the object.");
    }

    /** A stored header that is MockS3's own, not the object's. */
    public static boolean internal(String name) {
        return name.startsWith(INTERNAL_PREFIX);
    }
}
