package dev.mocks3.faults.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matched and triggered counts of each rule per time bucket (10 s by default, kept an hour), so a
 * chart can be drawn without Prometheus. The request path bumps a local adder; a flush adds the sums
 * to one Redis hash per bucket ({@code <prefix>:stats:h:<bucket start, epoch s>}, fields
 * {@code <rule id>:m} and {@code <rule id>:t}) that expires once it leaves the retention.
 */
public final class StatsHistory {
    private static final String MATCHED = "m";
    private static final String TRIGGERED = "t";

    /** @param bucket the smallest bucket; @param retention how long buckets are kept */
    public record Settings(Duration bucket, Duration retention, Clock clock) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(10), Duration.ofHours(1), Clock.systemUTC());

        public Settings {
            if (bucket.toMillis() < 1000 || bucket.toMillis() % 1000 != 0) {
                throw new IllegalArgumentException("the stats history bucket must be a whole number of seconds");
            }
        }
    }

    /**
     * Counts per bucket: {@code starts[i]} (epoch ms) is the start of bucket i, and each rule's
     * {@code matched[i]} and {@code triggered[i]} what it counted in it.
     */
    public record Series(long stepMillis, long[] starts, Map<String, long[]> matched, Map<String, long[]> triggered) {
    }

    private final RedissonReactiveClient redis;
    private final String keyPrefix;
    private final long bucketMillis;
    private final Duration retention;
    private final Clock clock;
    /** bucket start (epoch s) → "<rule>:m|t" → count not yet flushed. */
    private final Map<Long, Map<String, LongAdder>> pending = new ConcurrentHashMap<>();
    /** Without Redis: the flushed counts, bucket start (epoch s) → field → count. */
    private final Map<Long, Map<String, Long>> local = new ConcurrentHashMap<>();

    StatsHistory(RedissonReactiveClient redis, String keyPrefix, Settings settings) {
        this.redis = redis;
        this.keyPrefix = keyPrefix + ":stats:h:";
        this.bucketMillis = settings.bucket().toMillis();
        this.retention = settings.retention();
        this.clock = settings.clock();
    }

    void matched(String ruleId) {
        add(ruleId, MATCHED);
    }

    void triggered(String ruleId) {
        add(ruleId, TRIGGERED);
    }

    private void add(String ruleId, String kind) {
        long bucket = clock.millis() / bucketMillis * bucketMillis / 1000;
        pending.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(ruleId + ":" + kind, f -> new LongAdder()).increment();
    }

    /** Takes the local sums now; the returned Mono writes them. */
    Mono<Void> flush() {
        Map<Long, Map<String, Long>> deltas = new HashMap<>();
        pending.forEach((bucket, fields) -> fields.forEach((field, adder) -> {
            long n = adder.sumThenReset();
            if (n != 0) {
                deltas.computeIfAbsent(bucket, b -> new HashMap<>()).put(field, n);
            }
        }));
        long current = clock.millis() / bucketMillis * bucketMillis / 1000;
        pending.keySet().removeIf(bucket -> bucket < current); // closed buckets: their sums were just taken
        if (deltas.isEmpty()) {
            return Mono.empty();
        }
        if (redis == null) {
            deltas.forEach((bucket, fields) -> fields.forEach((f, n) ->
                    local.computeIfAbsent(bucket, b -> new ConcurrentHashMap<>()).merge(f, n, Long::sum)));
            long oldest = (clock.millis() - retention.toMillis()) / 1000;
            local.keySet().removeIf(bucket -> bucket < oldest);
            return Mono.empty();
        }
        return Flux.fromIterable(deltas.entrySet()).flatMap(bucket -> {
            var map = redis.<String, Long>getMap(keyPrefix + bucket.getKey(), codec());
            return Flux.fromIterable(bucket.getValue().entrySet())
                    .flatMap(d -> map.addAndGet(d.getKey(), d.getValue()).onErrorResume(e -> {
                        pending.computeIfAbsent(bucket.getKey(), b -> new ConcurrentHashMap<>())
                                .computeIfAbsent(d.getKey(), f -> new LongAdder()).add(d.getValue());
                        return Mono.error(e);
                    }))
                    .then(map.expire(retention.plusMillis(bucketMillis)))
                    .then();
        }).then();
    }

    /** The counts of the buckets that overlap the last {@code window}, summed into steps of {@code step}. */
    Mono<Series> read(Duration window, Duration step) {
        long stepMillis = Math.max(bucketMillis, step.toMillis() / bucketMillis * bucketMillis);
        long now = clock.millis();
        long last = now / stepMillis * stepMillis;
        long first = Math.max((now - window.toMillis()) / stepMillis * stepMillis, (now - retention.toMillis()) / stepMillis * stepMillis);
        first = Math.max(first, last - 10_000 * stepMillis); // at most 10,001 points
        List<Long> buckets = new ArrayList<>();
        for (long b = first; b < last + stepMillis; b += bucketMillis) {
            buckets.add(b / 1000);
        }
        long start = first;
        int points = (int) ((last - first) / stepMillis) + 1;
        return Flux.fromIterable(buckets)
                .flatMap(b -> readBucket(b).map(fields -> Map.entry(b, fields)), 16)
                .collectList()
                .map(read -> {
                    Map<String, long[]> matched = new TreeMap<>();
                    Map<String, long[]> triggered = new TreeMap<>();
                    for (Map.Entry<Long, Map<String, Long>> bucket : read) {
                        int i = (int) ((bucket.getKey() * 1000 - start) / stepMillis);
                        bucket.getValue().forEach((field, n) -> {
                            int colon = field.lastIndexOf(':');
                            String rule = field.substring(0, colon);
                            Map<String, long[]> series = MATCHED.equals(field.substring(colon + 1)) ? matched : triggered;
                            series.computeIfAbsent(rule, r -> new long[points])[i] += n;
                        });
                    }
                    long[] starts = new long[points];
                    for (int i = 0; i < points; i++) {
                        starts[i] = start + i * stepMillis;
                    }
                    return new Series(stepMillis, starts, matched, triggered);
                });
    }

    private Mono<Map<String, Long>> readBucket(long bucket) {
        if (redis == null) {
            return Mono.just(Map.copyOf(local.getOrDefault(bucket, Map.of())));
        }
        return redis.<String, Long>getMap(keyPrefix + bucket, codec()).readAllMap();
    }

    Mono<Void> reset() {
        pending.clear();
        local.clear();
        return redis == null ? Mono.empty() : redis.getKeys().deleteByPattern(keyPrefix + "*").then();
    }

    private static CompositeCodec codec() {
        return new CompositeCodec(StringCodec.INSTANCE, LongCodec.INSTANCE);
    }
}
