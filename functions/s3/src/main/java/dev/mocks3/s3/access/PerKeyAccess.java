package dev.mocks3.s3.access;

import dev.mocks3.core.call.S3Call;

/**
 * DeleteObjects names its keys in its body, so its {@code s3:DeleteObject} (or {@code s3:DeleteObjectVersion})
 * and its governance bypass are decided for each key it names, as on S3, where a policy on
 * {@code bucket/prefix/*} decides for the keys under it. The admission marks the call with its mode.
 */
final class PerKeyAccess {
    private static final String MODE = "mocks3.access.decidedPerKey";

    private PerKeyAccess() {
    }

    static S3Call deferred(S3Call call, boolean strict) {
        return call.withAttribute(MODE, strict);
    }

    /** Whether the keys are decided in strict mode; null when the call was not admitted to be decided per key. */
    static Boolean mode(S3Call call) {
        return (Boolean) call.attribute(MODE);
    }
}
