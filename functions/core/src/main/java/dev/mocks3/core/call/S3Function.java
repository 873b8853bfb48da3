package dev.mocks3.core.call;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * A stage of the S3 request path. Operations fill in the response; checks pass the call on,
 * change it, or fail it with an {@link dev.mocks3.core.error.S3Exception}.
 * Registered as a Spring Cloud Function bean of type {@code Function<Mono<S3Call>, Mono<S3Call>>}
 * (see {@link #asFunction()}) so that stages compose with {@code |}.
 */
@FunctionalInterface
public interface S3Function {

    Mono<S3Call> apply(S3Call call);

    default Function<Mono<S3Call>, Mono<S3Call>> asFunction() {
        return calls -> calls.flatMap(this::apply);
    }
}
