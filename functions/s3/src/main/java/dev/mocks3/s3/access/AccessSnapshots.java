package dev.mocks3.s3.access;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/**
 * The {@link AccessSnapshot} of each bucket, kept for a second so that deciding a request (the owner's
 * included) costs no database round trip on the hot path. This instance forgets a bucket's snapshot as
 * soon as it changes one of those documents or deletes the bucket; another instance sees the change
 * within {@link #TTL}, as S3's own policy changes take a moment to apply. Missing buckets are not kept.
 */
@Component
public class AccessSnapshots {
    static final Duration TTL = Duration.ofSeconds(1);
    private static final int MAX_BUCKETS = 10_000;
    private static final Set<BucketSetting> ACCESS = EnumSet.of(BucketSetting.POLICY, BucketSetting.ACL,
            BucketSetting.PUBLIC_ACCESS_BLOCK, BucketSetting.OWNERSHIP_CONTROLS);

    private final BucketConfigurationStore configurations;
    private final Duration ttl;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    /** Counts forgets: a snapshot read while one happened may predate it and is not kept. */
    private final AtomicLong changes = new AtomicLong();

    @Autowired
    public AccessSnapshots(BucketConfigurationStore configurations) {
        this(configurations, TTL);
    }

    AccessSnapshots(BucketConfigurationStore configurations, Duration ttl) {
        this.configurations = configurations;
        this.ttl = ttl;
    }

    private record Kept(AccessSnapshot snapshot, long until) {
    }

    /** The bucket's snapshot; empty when there is no such bucket. */
    Mono<Optional<AccessSnapshot>> of(String bucket) {
        Kept found = kept.get(bucket);
        long now = System.nanoTime();
        if (found != null && now - found.until() < 0) {
            return Mono.just(Optional.of(found.snapshot()));
        }
        long changesBefore = changes.get();
        return configurations.bucketWith(bucket, ACCESS).map(AccessSnapshot::of)
                .doOnNext(snapshot -> {
                    if (changes.get() == changesBefore) {
                        keep(bucket, snapshot, now);
                    }
                })
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private void keep(String bucket, AccessSnapshot snapshot, long loadedAt) {
        if (kept.size() >= MAX_BUCKETS) {
            kept.clear();
        }
        kept.put(bucket, new Kept(snapshot, loadedAt + ttl.toNanos()));
    }

    /** Called by whatever changes a bucket's access documents, or the bucket itself, on this instance. */
    public void forget(String bucket) {
        changes.incrementAndGet();
        kept.remove(bucket);
    }
}
