package dev.mocks3.s3.access;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;

/**
 * {@code x-amz-bypass-governance-retention: true}, which lifts GOVERNANCE retention only for a caller
 * allowed {@code s3:BypassGovernanceRetention}: the bucket owner, or another caller a policy allows it.
 * {@link BucketCallerAccess} marks a call whose bypass the bucket does not allow; the Object Lock
 * checks then answer as if it had not been asked.
 */
public final class GovernanceBypass {
    static final String HEADER = "x-amz-bypass-governance-retention";
    static final String ACTION = "s3:BypassGovernanceRetention";
    private static final String WITHHELD = "mocks3.access.governanceBypassWithheld";
    /** DeleteObjects names its keys in its body: its bypass is decided per key, in this mode (strict or not). */
    private static final String PER_KEY = "mocks3.access.governanceBypassPerKey";

    private GovernanceBypass() {
    }

    static boolean requested(S3Request request) {
        return "true".equalsIgnoreCase(request.header(HEADER));
    }

    static S3Call withheld(S3Call call) {
        return call.withAttribute(WITHHELD, Boolean.TRUE);
    }

    static S3Call decidedPerKey(S3Call call, boolean strict) {
        return call.withAttribute(PER_KEY, strict);
    }

    /** For a call whose bypass waits for its keys: whether the mode is strict; null when decided already. */
    static Boolean perKeyMode(S3Call call) {
        return (Boolean) call.attribute(PER_KEY);
    }

    /** Whether the call asks for the bypass and may have it (for DeleteObjects: for some keys, see BucketCallerAccess). */
    public static boolean granted(S3Call call) {
        return requested(call.request()) && !Boolean.TRUE.equals(call.attribute(WITHHELD));
    }
}
