package dev.mocks3.core.auth;

import dev.mocks3.core.call.S3Call;
import reactor.core.publisher.Mono;

/**
 * What a bucket's own configuration (policy, ACLs, public access block) says about an unsigned
 * request. Strict mode serves an anonymous request only when this allows it; open mode refuses one
 * only when this denies it explicitly.
 */
@FunctionalInterface
public interface AnonymousAccess {

    /**
     * @param strict whether an allowance matters too (strict mode), or only an explicit denial (open mode)
     * @return the decision, and the call later stages get: the same one, or one carrying what was read
     *         to decide, so that the operation need not read it again
     */
    Mono<Decided> decide(S3Call call, boolean strict);

    record Decided(Decision decision, S3Call call) {
    }

    enum Decision {
        /** A policy statement or a public ACL grants the request to everyone. */
        ALLOW,
        /** A policy statement denies it to everyone: refused in every mode. */
        DENY,
        /** Nothing about the bucket speaks of anonymous callers. */
        NONE
    }
}
