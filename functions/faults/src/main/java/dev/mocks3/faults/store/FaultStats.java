package dev.mocks3.faults.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.redisson.api.RMapReactive;
import org.redisson.api.RedissonReactiveClient;
import org.redisson.client.codec.LongCodec;
import org.redisson.client.codec.StringCodec;
import org.redisson.codec.CompositeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.events.fault.FaultInjected;
import dev.mocks3.faults.observe.FaultMeters;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matched and triggered counts per rule, and triggered counts per action, service and operation.
 * Counting on the request path only bumps a local adder; the sums go to one Redis hash every
 * {@code flushEvery}, where all instances add up to one view.
 * Field names: {@code rule:<id>:matched}, {@code rule:<id>:triggered}, {@code action:<type>},
 * {@code service:<name>}, {@code operation:<name>}, {@code total:matched}, {@code total:triggered}.
 * Per-rule counts are also kept per time bucket ({@link StatsHistory}): one more local adder per
 * count, and one Redis hash per bucket that expires after the retention.
 */
public final class FaultStats {
    private static final Logger log = LoggerFactory.getLogger(FaultStats.class);
    private final Map<String, LongAdder> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> local = new ConcurrentHashMap<>();
    /** How long the API waits for Redis before it says Redis is unreachable. */
    private static final Duration REDIS_WAIT = Duration.ofSeconds(2);
    private final RMapReactive<String, Long> shared;
    private volatile Map<String, Long> lastKnown = Map.of();
    /** Flushes whose counts left {@link #pending} but have not reached Redis yet. */
    private final AtomicInteger writesUnderWay = new AtomicInteger();
    private Disposable flusher;
    private final StatsHistory history;
    private volatile FaultMeters meters = FaultMeters.NONE;

    /** @param redis null to keep the counts in this JVM */
    public FaultStats(RedissonReactiveClient redis, String keyPrefix) {
        this(redis, keyPrefix, StatsHistory.Settings.DEFAULT);
    }

    public FaultStats(RedissonReactiveClient redis, String keyPrefix, StatsHistory.Settings historySettings) {
        this.shared = redis == null ? null
                : redis.getMap(keyPrefix + ":stats", new CompositeCodec(StringCodec.INSTANCE, LongCodec.INSTANCE));
        this.history = new StatsHistory(redis, keyPrefix, historySettings);
    }

    /** Counts go to these meters too (Prometheus), as they happen. */
    public FaultStats meteredBy(FaultMeters faultMeters) {
        this.meters = faultMeters;
        return this;
    }

    /** The per-bucket counts of each rule. */
    public StatsHistory history() {
        return history;
    }

    public void start(Duration flushEvery) {
        if (shared != null && flusher == null) {
            // a flush slower than the interval (Redis away) skips ticks instead of ending the flusher
            flusher = Flux.interval(flushEvery).onBackpressureDrop().concatMap(tick -> flush().onErrorResume(e -> {
                log.debug("stats flush failed: {}", e.toString());
                return Mono.empty();
            })).subscribe();
        }
    }

    /** Stops the periodic flush and writes what is still counted locally, so a restart loses no count. */
    public void stop() {
        if (flusher != null) {
            flusher.dispose();
            flusher = null;
            try {
                flush().then(writesSettled()).block(REDIS_WAIT);
            } catch (RuntimeException e) {
                log.warn("the last fault counts could not be written to Redis: {}", e.toString());
            }
        }
    }

    public void matched(String ruleId) {
        add("rule:" + ruleId + ":matched");
        add("total:matched");
        history.matched(ruleId);
        meters.matched(ruleId);
    }

    public void triggered(FaultInjected e) {
        add("rule:" + e.ruleId() + ":triggered");
        history.triggered(e.ruleId());
        meters.injected(e);
        add("action:" + e.action());
        if (e.service() != null) {
            add("service:" + e.service());
        }
        if (e.operation() != null) {
            add("operation:" + e.operation());
        }
        add("total:triggered");
    }

    private void add(String field) {
        pending.computeIfAbsent(field, f -> new LongAdder()).increment();
    }

    /** Moves the local sums to the shared hash (or the local totals). */
    public Mono<Void> flush() {
        writesUnderWay.incrementAndGet();
        return Mono.when(flushTotals(), history.flush()).doFinally(signal -> writesUnderWay.decrementAndGet());
    }

    private Mono<Void> flushTotals() {
        Map<String, Long> deltas = new HashMap<>();
        pending.forEach((field, adder) -> {
            long n = adder.sumThenReset();
            if (n != 0) {
                deltas.put(field, n);
            }
        });
        if (deltas.isEmpty()) {
            return Mono.empty();
        }
        if (shared == null) {
            deltas.forEach((f, n) -> local.merge(f, n, Long::sum));
            return Mono.empty();
        }
        return Flux.fromIterable(deltas.entrySet())
                .flatMap(d -> shared.addAndGet(d.getKey(), d.getValue())
                        .onErrorResume(e -> {
                            pending.computeIfAbsent(d.getKey(), f -> new LongAdder()).add(d.getValue());
                            return Mono.error(e);
                        }))
                .then();
    }

    /** Completes once no flush is between taking its counts and writing them, so a read sees them all. */
    private Mono<Void> writesSettled() {
        return Mono.defer(() -> writesUnderWay.get() == 0 ? Mono.<Void>empty()
                : Mono.delay(Duration.ofMillis(5)).then(writesSettled()));
    }

    /** All counters after a flush, summed over every instance; {@link RedisUnavailableException} without Redis. */
    public Mono<Map<String, Long>> snapshot() {
        if (shared == null) {
            return flush().then(Mono.fromSupplier(() -> Map.copyOf(local)));
        }
        return redis(flush().then(writesSettled()).then(shared.readAllMap())).doOnNext(counts -> lastKnown = Map.copyOf(counts));
    }

    /** Each rule's counts per bucket over the last {@code window}, after a flush; buckets of {@code step} (a multiple of the bucket). */
    public Mono<StatsHistory.Series> history(Duration window, Duration step) {
        return redis(flush().then(writesSettled()).then(history.read(window, step)));
    }

    /** The counters as {@link #snapshot()}, or while Redis is unreachable the last ones read, marked stale. */
    public Mono<Counts> snapshotOrLastKnown() {
        return snapshot().map(counts -> new Counts(counts, false))
                .onErrorResume(RedisUnavailableException.class, e -> Mono.just(new Counts(lastKnown, true)));
    }

    /** @param stale true when Redis was unreachable and these are the last counts read from it */
    public record Counts(Map<String, Long> values, boolean stale) {
    }

    public Mono<Void> reset() {
        pending.clear();
        local.clear();
        return Mono.when(shared == null ? Mono.empty() : redis(shared.delete()).then(), redis(history.reset()));
    }

    static <T> Mono<T> redis(Mono<T> call) {
        return call.timeout(REDIS_WAIT).onErrorMap(e -> !(e instanceof RedisUnavailableException),
                RedisUnavailableException::new);
    }
}
