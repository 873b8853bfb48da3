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

    private GovernanceBypass() {
    }

    static boolean requested(S3Request request) {
        return "true".equalsIgnoreCase(request.header(HEADER));
    }

    static S3Call withheld(S3Call call) {
        return call.withAttribute(WITHHELD, Boolean.TRUE);
    }

    /** Whether the call asks for the bypass and may have it (for DeleteObjects: for some keys, see PerKeyAccess). */
    public static boolean granted(S3Call call) {
        return requested(call.request()) && !Boolean.TRUE.equals(call.attribute(WITHHELD));
    }
}
