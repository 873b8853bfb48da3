package dev.mocks3.s3.cors;

import java.util.List;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.ErrorHeaders;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/**
 * The {@code corsHeaders} stage after each operation: a request with an {@code Origin} that a
 * bucket CORS rule allows gets that rule's Access-Control-* headers, so browsers let scripts read
 * the answer. Requests without {@code Origin} pass untouched, with no lookup.
 */
@Component("corsHeaders")
public class CorsHeaders implements Function<Mono<S3Call>, Mono<S3Call>>, ErrorHeaders {
    private final BucketConfigurationStore store;

    public CorsHeaders(BucketConfigurationStore store) {
        this.store = store;
    }

    @Override
    public Mono<S3Call> apply(Mono<S3Call> calls) {
        return calls.flatMap(this::decorate);
    }

    private Mono<S3Call> decorate(S3Call call) {
        String origin = call.request().header("Origin");
        String bucket = call.request().bucket();
        if (origin == null || bucket == null || call.response() == null || call.operation() == S3Operation.CORS_PREFLIGHT) {
            return Mono.just(call);
        }
        return ruleFor(call.request(), origin)
                .map(rule -> {
                    S3Response response = call.response();
                    HttpHeaders headers = new HttpHeaders();
                    headers.addAll(response.headers());
                    rule.writeTo(headers, origin, List.of(), false);
                    return call.withResponse(new S3Response(response.status(), headers, response.body()));
                })
                .defaultIfEmpty(call);
    }

    /** An error answer to a cross-origin request gets the CORS headers its success would have had. */
    @Override
    public Mono<S3Exception> decorate(S3Request request, S3Exception error) {
        String origin = request.header("Origin");
        if (origin == null || request.bucket() == null || "OPTIONS".equals(request.method())) {
            return Mono.just(error);
        }
        return ruleFor(request, origin).map(rule -> {
            HttpHeaders headers = new HttpHeaders();
            rule.writeTo(headers, origin, List.of(), false);
            S3Exception decorated = error;
            for (var header : headers.toSingleValueMap().entrySet()) {
                decorated = decorated.withHeader(header.getKey(), header.getValue());
            }
            return decorated;
        }).defaultIfEmpty(error)
                // the error stands whatever happens to the lookup (the database may be why it failed)
                .onErrorReturn(error);
    }

    private Mono<CorsRule> ruleFor(S3Request request, String origin) {
        return store.find(request.bucket(), BucketSetting.CORS)
                .flatMap(document -> Mono.justOrEmpty(CorsConfiguration.parse(document).match(origin, request.method(), List.of())));
    }
}
