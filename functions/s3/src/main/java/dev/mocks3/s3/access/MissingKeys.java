package dev.mocks3.s3.access;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;

/**
 * S3 answers a read of a missing key with 404 NoSuchKey only to a caller who may list the bucket; to another
 * it answers 403 AccessDenied, so that s3:GetObject alone never tells which keys exist. {@link BucketCallerAccess}
 * marks such a call (strict mode); the read answers for it once it knows the key is missing (read-through included).
 */
public final class MissingKeys {
    private static final String HIDDEN = "mocks3.access.missingKeysHidden";

    private MissingKeys() {
    }

    static S3Call hidden(S3Call call) {
        return call.withAttribute(HIDDEN, Boolean.TRUE);
    }

    /** What the caller is told of {@code error}: AccessDenied in place of NoSuchKey for a caller who may not list. */
    public static Throwable toldTo(S3Call call, Throwable error) {
        return error instanceof S3Exception missing && missing.error() == S3Error.NO_SUCH_KEY
                && Boolean.TRUE.equals(call.attribute(HIDDEN)) ? S3Error.ACCESS_DENIED.exception() : error;
    }
}
