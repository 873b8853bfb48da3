package dev.mocks3.s3.access;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.mocks3.s3.cache.BucketDocumentCache;
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
    private static final Set<BucketSetting> KEPT = EnumSet.of(BucketSetting.POLICY, BucketSetting.ACL,
            BucketSetting.PUBLIC_ACCESS_BLOCK, BucketSetting.OWNERSHIP_CONTROLS, BucketSetting.ENCRYPTION,
            BucketSetting.OBJECT_LOCK);

    private final BucketDocumentCache<Kept> kept;

    @Autowired
    public AccessSnapshots(BucketConfigurationStore configurations) {
        this(configurations, TTL);
    }

    AccessSnapshots(BucketConfigurationStore configurations, Duration ttl) {
        this.kept = new BucketDocumentCache<>(ttl, bucket -> configurations.bucketWith(bucket, KEPT)
                .map(settings -> new Kept(AccessSnapshot.of(settings), settings)));
    }

    private record Kept(AccessSnapshot snapshot, BucketSettings settings) {
    }

    /** The bucket's snapshot; empty when there is no such bucket. */
    Mono<Optional<AccessSnapshot>> of(String bucket) {
        return kept.get(bucket).map(found -> found.map(Kept::snapshot));
    }

    /**
     * The bucket with its access and write documents ({@code WritableBuckets}); empty when there is no
     * such bucket. A write to a bucket deleted meanwhile still finds no bucket when it commits.
     */
    public Mono<Optional<BucketSettings>> settings(String bucket) {
        return kept.get(bucket).map(found -> found.map(Kept::settings));
    }

    /** Called by whatever changes a bucket's access documents, or the bucket itself, on this instance. */
    public void forget(String bucket) {
        kept.forget(bucket);
    }
}
