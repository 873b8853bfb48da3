package dev.mocks3.app.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.redisson.api.RedissonClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import dev.mocks3.state.blob.BlobStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /_mocks3/health} (and {@code GET /health}, as before): every dependency probed now,
 * 200 when all answer, 503 otherwise, with each one's state in the JSON body.
 */
@Configuration(proxyBeanMethods = false)
public class HealthRoute {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    @Bean
    RouterFunction<ServerResponse> healthRouterFunction(DatabaseClient db, RedissonClient redis, BlobStore blobs) {
        List<Dependency> dependencies = List.of(
                new Dependency("postgres", db.sql("select 1").map(row -> 1).one().then()),
                new Dependency("redis", Mono.fromCompletionStage(() -> redis.getBucket("mocks3:health").isExistsAsync()).then()),
                new Dependency("blobStore", blobs.probe()));
        HandlerFunction<ServerResponse> health = request -> Flux.fromIterable(dependencies)
                .flatMapSequential(Dependency::check)
                .collectList()
                .flatMap(HealthRoute::answer);
        return RouterFunctions.route().GET("/_mocks3/health", health).GET("/health", health).build();
    }

    private static Mono<ServerResponse> answer(List<Map.Entry<String, Map<String, String>>> states) {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        states.forEach(state -> byName.put(state.getKey(), state.getValue()));
        boolean up = byName.values().stream().allMatch(state -> "UP".equals(state.get("status")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("service", "mocks3");
        body.put("dependencies", byName);
        return ServerResponse.status(up ? 200 : 503).contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    /** One thing MockS3 needs, and the call that shows it answers. */
    private record Dependency(String name, Mono<Void> probe) {
        Mono<Map.Entry<String, Map<String, String>>> check() {
            return Mono.defer(() -> probe).timeout(PROBE_TIMEOUT)
                    .then(Mono.fromSupplier(() -> Map.entry(name, state("UP", null))))
                    .onErrorResume(e -> Mono.just(Map.entry(name, state("DOWN", Causes.root(e).getClass().getSimpleName()))));
        }

        private static Map<String, String> state(String status, String reason) {
            Map<String, String> state = new LinkedHashMap<>();
            state.put("status", status);
            if (reason != null) {
                state.put("reason", reason);
            }
            return state;
        }
    }
}
