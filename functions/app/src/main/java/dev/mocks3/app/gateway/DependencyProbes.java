package dev.mocks3.app.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.redisson.api.RedissonClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

import dev.mocks3.state.blob.BlobStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What MockS3 needs to answer, and the call that shows each one answers now: PostgreSQL, Redis,
 * the blob store. Health, readiness and {@code mocks3_dependency_up} all ask here.
 */
@Component
public class DependencyProbes {
    public static final String POSTGRES = "postgres";
    public static final String REDIS = "redis";
    public static final String BLOB_STORE = "blobStore";
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    private final Map<String, Mono<Void>> probes = new LinkedHashMap<>();

    public DependencyProbes(DatabaseClient db, RedissonClient redis, BlobStore blobs) {
        probes.put(POSTGRES, db.sql("select 1").map(row -> 1).one().then());
        probes.put(REDIS, Mono.fromCompletionStage(() -> redis.getBucket("mocks3:health").isExistsAsync()).then());
        probes.put(BLOB_STORE, blobs.probe());
    }

    public List<String> names() {
        return List.copyOf(probes.keySet());
    }

    /** Each named dependency's state, in order: {@code status} UP or DOWN, and a {@code reason} when down. */
    public Mono<Map<String, Map<String, String>>> check(List<String> names) {
        return Flux.fromIterable(names)
                .flatMapSequential(name -> check(name, probes.get(name)))
                .collectList()
                .map(states -> {
                    Map<String, Map<String, String>> byName = new LinkedHashMap<>();
                    states.forEach(state -> byName.put(state.getKey(), state.getValue()));
                    return byName;
                });
    }

    public static boolean allUp(Map<String, Map<String, String>> states) {
        return states.values().stream().allMatch(state -> "UP".equals(state.get("status")));
    }

    private static Mono<Map.Entry<String, Map<String, String>>> check(String name, Mono<Void> probe) {
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
