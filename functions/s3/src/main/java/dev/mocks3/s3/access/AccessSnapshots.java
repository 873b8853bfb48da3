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
import dev.mocks3.state.config.BucketSettings;
import reactor.core.publisher.Mono;

/**
 * The {@link AccessSnapshot} of each bucket, and the settings a write applies (default encryption,
 * ownership controls, public access block, Object Lock), kept for a second so that deciding a request
 * (the owner's included) and shaping a PUT cost no database round trip on the hot path. This instance forgets a bucket's snapshot as
 * soon as it changes one of those documents or deletes the bucket; another instance sees the change
 * within {@link #TTL}, as S3's own policy changes take a moment to apply. Missing buckets are not kept.
 */
@Component
public class AccessSnapshots {
    static final Duration TTL = Duration.ofSeconds(1);
    private static final int MAX_BUCKETS = 10_000;
    private static final Set<BucketSetting> KEPT = EnumSet.of(BucketSetting.POLICY, BucketSetting.ACL,
            BucketSetting.PUBLIC_ACCESS_BLOCK, BucketSetting.OWNERSHIP_CONTROLS, BucketSetting.ENCRYPTION,
            BucketSetting.OBJECT_LOCK);

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

    private record Kept(AccessSnapshot snapshot, BucketSettings settings, long until) {
    }

    /** The bucket's snapshot; empty when there is no such bucket. */
    Mono<Optional<AccessSnapshot>> of(String bucket) {
        return kept(bucket).map(found -> found.map(Kept::snapshot));
    }

    /**
     * The bucket with its access and write documents ({@code WritableBuckets}); empty when there is no
     * such bucket. A write to a bucket deleted meanwhile still finds no bucket when it commits.
     */
    public Mono<Optional<BucketSettings>> settings(String bucket) {
        return kept(bucket).map(found -> found.map(Kept::settings));
    }

    private Mono<Optional<Kept>> kept(String bucket) {
        Kept found = kept.get(bucket);
        long now = System.nanoTime();
        if (found != null && now - found.until() < 0) {
            return Mono.just(Optional.of(found));
        }
        long changesBefore = changes.get();
        return configurations.bucketWith(bucket, KEPT)
                .map(settings -> new Kept(AccessSnapshot.of(settings), settings, now + ttl.toNanos()))
                .doOnNext(loaded -> {
                    if (changes.get() == changesBefore) {
                        keep(bucket, loaded);
                    }
                })
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    private void keep(String bucket, Kept loaded) {
        if (kept.size() >= MAX_BUCKETS) {
            kept.clear();
        }
        kept.put(bucket, loaded);
    }

    /** Called by whatever changes a bucket's access documents, or the bucket itself, on this instance. */
    public void forget(String bucket) {
        changes.incrementAndGet();
        kept.remove(bucket);
    }
}
