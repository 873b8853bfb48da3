package dev.mocks3.core.auth;

import dev.mocks3.core.call.S3Call;
import reactor.core.publisher.Mono;

/**
 * What a bucket's own configuration (policy, ACLs, public access block) says about a request, unsigned
 * or signed by any key. Strict mode serves a request only when this allows it; open mode refuses one
 * only when this denies it explicitly.
 */
@FunctionalInterface
public interface CallerAccess {

    /** @param strict whether an allowance matters too (strict mode), or only an explicit denial (open mode) */
    Mono<Decision> decide(S3Call call, boolean strict);

    /**
     * The admitted call as its operation gets it: an implementation marks what the request asks for
     * beyond the operation itself that the bucket does not let this caller do (a governance-retention
     * bypass without {@code s3:BypassGovernanceRetention}), so the operation answers as if it had not
     * been asked. Unchanged by default.
     */
    default Mono<S3Call> limited(S3Call call, boolean strict) {
        return Mono.just(call);
    }

    enum Decision {
        /** The caller owns the bucket, or a policy statement or an ACL grant gives it the request. */
        ALLOW,
        /** A policy statement denies it to this caller: refused in every mode, the owner included. */
        DENY,
        /** Nothing about the bucket speaks of this caller. */
        NONE
    }
}
