package dev.mocks3.jobs.upstream;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.state.upstream.Upstream;
import dev.mocks3.state.upstream.UpstreamStore;
import reactor.core.publisher.Mono;

/**
 * {@code PUT|GET|DELETE /_mocks3/buckets/{bucket}/upstream}: a bucket's upstream, as JSON
 * ({@code {"type":"s3","endpoint":"http://other:9000","bucket":"origin","access_key":"..","secret_key":".."}}
 * or {@code {"type":"http","endpoint":"https://example.com/files/"}}). Answers show no secret key.
 * The application registers it behind the guard of its admin endpoints.
 */
public final class UpstreamRoute {
    public static final String PATH = "/_mocks3/buckets/{bucket}/upstream";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final UpstreamStore upstreams;

    public UpstreamRoute(UpstreamStore upstreams) {
        this.upstreams = upstreams;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .PUT(PATH, this::put)
                .GET(PATH, this::get)
                .DELETE(PATH, this::delete)
                .build();
    }

    private Mono<ServerResponse> put(ServerRequest request) {
        String bucket = request.pathVariable("bucket");
        return request.bodyToMono(byte[].class).defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    Upstream upstream;
                    try {
                        upstream = JSON.readValue(body, Upstream.class).validated();
                    } catch (IOException | IllegalArgumentException e) {
                        return error(HttpStatus.BAD_REQUEST, "invalid upstream: " + e.getMessage());
                    }
                    return upstreams.put(bucket, upstream).flatMap(stored -> stored
                            ? ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(upstream.withoutSecret())
                            : error(HttpStatus.NOT_FOUND, "no bucket " + bucket));
                });
    }

    private Mono<ServerResponse> get(ServerRequest request) {
        String bucket = request.pathVariable("bucket");
        return upstreams.find(bucket)
                .flatMap(upstream -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(upstream.withoutSecret()))
                .switchIfEmpty(Mono.defer(() -> error(HttpStatus.NOT_FOUND, "bucket " + bucket + " has no upstream")));
    }

    private Mono<ServerResponse> delete(ServerRequest request) {
        String bucket = request.pathVariable("bucket");
        return upstreams.delete(bucket).flatMap(deleted -> deleted ? ServerResponse.noContent().build()
                : error(HttpStatus.NOT_FOUND, "bucket " + bucket + " has no upstream"));
    }

    private static Mono<ServerResponse> error(HttpStatus status, String message) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("error", message));
    }
}
