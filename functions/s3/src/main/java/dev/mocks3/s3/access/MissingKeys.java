package dev.mocks3.s3.access;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import reactor.core.publisher.Mono;

/**
 * S3 answers a read of a missing key with 404 NoSuchKey only to a caller who may list the bucket; to another
 * it answers 403 AccessDenied, so that s3:GetObject alone never tells which keys exist. {@link BucketCallerAccess}
 * gives a strict-mode read the question "may this caller not list the bucket?", unanswered: the read asks it only
 * once it knows the key is missing (read-through included), so a read that finds its object evaluates no listing
 * policy.
 */
public final class MissingKeys {
    private static final String HIDDEN = "mocks3.access.missingKeysHidden";

    private MissingKeys() {
    }

    /** Marks {@code call}: its missing key is hidden when {@code mayNotList} (evaluated at most once, when asked) says so. */
    static S3Call hiddenWhen(S3Call call, Mono<Boolean> mayNotList) {
        return call.withAttribute(HIDDEN, mayNotList);
    }

    /** What the caller is told of {@code error}: AccessDenied in place of NoSuchKey for a caller who may not list. */
    public static Mono<Throwable> toldTo(S3Call call, Throwable error) {
        Mono<Boolean> mayNotList = call.attribute(HIDDEN);
        if (mayNotList == null || !(error instanceof S3Exception missing && missing.error() == S3Error.NO_SUCH_KEY)) {
            return Mono.just(error);
        }
        return mayNotList.map(hidden -> hidden ? (Throwable) S3Error.ACCESS_DENIED.exception() : error).defaultIfEmpty(error);
    }
}
