package dev.mocks3.faults.inject;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.redisson.api.RMapCacheReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.ByteArrayCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

import dev.mocks3.events.EventJson;
import reactor.core.publisher.Mono;

/**
 * Previous states of recently written keys, per bucket, each kept for its rule's window: in a
 * Redis map with per-entry expiry (every instance serves the same stale view), or in this JVM.
 */
public final class StaleSnapshots {
    private final RedissonReactiveClient redis;
    private final String prefix;
    private final Map<String, Map<String, Expiring>> local = new ConcurrentHashMap<>();

    private record Expiring(StaleSnapshot snapshot, long untilNanos) {
    }

    /** @param redis null to keep the snapshots in this JVM */
    public StaleSnapshots(RedissonReactiveClient redis, String keyPrefix) {
        this.redis = redis;
        this.prefix = keyPrefix + ":stale:";
    }

    public Mono<Void> put(String bucket, String key, StaleSnapshot snapshot, Duration window) {
        if (redis == null) {
            local.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>())
                    .put(key, new Expiring(snapshot, System.nanoTime() + window.toNanos()));
            return Mono.empty();
        }
        return map(bucket).fastPut(key, EventJson.bytes(snapshot), window.toMillis(), TimeUnit.MILLISECONDS).then();
    }

    public Mono<StaleSnapshot> get(String bucket, String key) {
        if (redis == null) {
            Map<String, Expiring> keys = local.get(bucket);
            Expiring e = keys == null ? null : keys.get(key);
            return Mono.justOrEmpty(e != null && e.untilNanos() > System.nanoTime() ? e.snapshot() : null);
        }
        return map(bucket).get(key).map(StaleSnapshots::read);
    }

    /** Every live snapshot of the bucket, by key. */
    public Mono<Map<String, StaleSnapshot>> inBucket(String bucket) {
        if (redis == null) {
            Map<String, StaleSnapshot> out = new HashMap<>();
            long now = System.nanoTime();
            local.getOrDefault(bucket, Map.of()).forEach((k, e) -> {
                if (e.untilNanos() > now) {
                    out.put(k, e.snapshot());
                }
            });
            return Mono.just(out);
        }
        return map(bucket).readAllMap().map(all -> {
            Map<String, StaleSnapshot> out = new HashMap<>();
            all.forEach((k, v) -> out.put(k, read(v)));
            return out;
        });
    }

    private RMapCacheReactive<String, byte[]> map(String bucket) {
        return redis.getMapCache(prefix + bucket, new CompositeCodec(StringCodec.INSTANCE, ByteArrayCodec.INSTANCE));
    }

    private static StaleSnapshot read(byte[] bytes) {
        try {
            return EventJson.MAPPER.readValue(bytes, StaleSnapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable stale snapshot", e);
        }
    }
}
