package dev.mocks3.s3.cache;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * What a bucket's documents say, kept per bucket for a short time so that the hot path (every GET and PUT)
 * does not read them from the database each time. This instance forgets a bucket as soon as it changes the
 * documents ({@link #forget}); another instance sees a change within the time to live, as S3's own
 * configuration changes take a moment to apply. A load that raced a forget is answered but not kept, and
 * nothing is kept for a bucket that does not exist (the loader's empty answer).
 */
public final class BucketDocumentCache<V> {
    private static final int MAX_BUCKETS = 10_000;

    private final Function<String, Mono<V>> loader;
    private final Duration ttl;
    private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
    /** Counts forgets: a load that overlapped one may predate it and is not kept. */
    private final AtomicLong changes = new AtomicLong();

    public BucketDocumentCache(Duration ttl, Function<String, Mono<V>> loader) {
        this.ttl = ttl;
        this.loader = loader;
    }

    private record Kept<V>(V value, long until) {
    }

    /** The bucket's value; empty when the loader finds none (no such bucket). */
    public Mono<Optional<V>> get(String bucket) {
        Kept<V> found = kept.get(bucket);
        long now = System.nanoTime();
        if (found != null && now - found.until() < 0) {
            return Mono.just(Optional.of(found.value()));
        }
        long changesBefore = changes.get();
        return loader.apply(bucket)
                .doOnNext(loaded -> {
                    if (changes.get() == changesBefore) {
                        keep(bucket, new Kept<>(loaded, now + ttl.toNanos()));
                    }
                })
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private void keep(String bucket, Kept<V> loaded) {
        if (kept.size() >= MAX_BUCKETS) {
            kept.clear();
        }
        kept.put(bucket, loaded);
    }

    /** Called by whatever changes the bucket's documents, or the bucket itself, on this instance. */
    public void forget(String bucket) {
        changes.incrementAndGet();
        kept.remove(bucket);
    }
}
