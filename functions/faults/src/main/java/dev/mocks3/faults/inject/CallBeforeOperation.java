package dev.mocks3.faults.inject;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Exception;
import reactor.core.publisher.Mono;

/**
 * The call as it went into the operation, kept in the Reactor context of one request, so that the
 * stage after the operation still has it when the operation failed (a GET of a key deleted within
 * a stale_read window must answer the deleted object, not the operation's NoSuchKey).
 */
final class CallBeforeOperation {
    private static final String KEY = CallBeforeOperation.class.getName();

    private CallBeforeOperation() {
    }

    /** The stage in front of the operation, noting the call it passes on. */
    static Function<Mono<S3Call>, Mono<S3Call>> remembering(Function<Mono<S3Call>, Mono<S3Call>> stage) {
        return calls -> stage.apply(calls).flatMap(call -> Mono.deferContextual(context -> {
            context.<AtomicReference<S3Call>>getOrEmpty(KEY).ifPresent(noted -> noted.set(call));
            return Mono.just(call);
        }));
    }

    /** The result of the operation and the stage after it, with an S3 error handed to {@code onError} with the noted call. */
    static Mono<S3Call> recovering(Mono<S3Call> result, BiFunction<S3Call, S3Exception, Mono<S3Call>> onError) {
        return Mono.deferContextual(context -> result.onErrorResume(S3Exception.class, error -> {
            S3Call noted = context.<AtomicReference<S3Call>>getOrEmpty(KEY).map(AtomicReference::get).orElse(null);
            return noted == null ? Mono.error(error) : onError.apply(noted, error);
        })).contextWrite(context -> context.put(KEY, new AtomicReference<S3Call>()));
    }
}
