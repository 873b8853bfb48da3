package dev.mocks3.drive.http;

import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * The shape of every drive endpoint: a stateless Spring Cloud Function from the call to its reply.
 * Each is a bean named after its {@link dev.mocks3.core.drive.DriveEndpoint#functionName()}.
 */
public abstract class DriveFunction implements Function<Mono<DriveCall>, Mono<DriveReply>> {

    @Override
    public final Mono<DriveReply> apply(Mono<DriveCall> calls) {
        return calls.flatMap(this::handle);
    }

    protected abstract Mono<DriveReply> handle(DriveCall call);
}
