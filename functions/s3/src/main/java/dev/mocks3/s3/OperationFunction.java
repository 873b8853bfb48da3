package dev.mocks3.s3;

import java.util.function.Function;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import reactor.core.publisher.Mono;

/**
 * The shape of every S3 operation function: a call comes in, the operation's response goes
 * out on the same call. As a {@code Function<Mono<S3Call>, Mono<S3Call>>} bean it composes with
 * the checks in front of it ({@code authCheck|faultCheck|putObject}).
 */
public abstract class OperationFunction implements Function<Mono<S3Call>, Mono<S3Call>> {

    @Override
    public final Mono<S3Call> apply(Mono<S3Call> calls) {
        return calls.flatMap(this::answer);
    }

    /** The call with its response; an operation that leaves more on the call for later stages overrides this. */
    protected Mono<S3Call> answer(S3Call call) {
        return handle(call).map(call::withResponse);
    }

    protected abstract Mono<S3Response> handle(S3Call call);
}
