package dev.mocks3.s3.lock;

import java.util.EnumSet;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.VersionGuard;
import reactor.core.publisher.Mono;

/** Whether a bucket has Object Lock enabled, and its configuration, read with the bucket in one query. */
@Component
public class LockedBuckets {
    private final BucketConfigurationStore configurations;

    public LockedBuckets(BucketConfigurationStore configurations) {
        this.configurations = configurations;
    }

    /** The bucket's ObjectLockConfiguration, empty when Object Lock is not enabled; NoSuchBucket when there is no bucket. */
    public Mono<Optional<ObjectLockConfiguration>> configuration(String bucket) {
        return configurations.bucketWith(bucket, EnumSet.of(BucketSetting.OBJECT_LOCK))
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket)))
                .map(settings -> settings.document(BucketSetting.OBJECT_LOCK).map(ObjectLockConfiguration::stored));
    }

    /**
     * The guard a delete in the request's bucket runs on the version it removes, or NoSuchBucket. Without
     * Object Lock no version can be locked (lock headers are refused there, and the lock cannot be turned
     * off once on), so the delete reads no version to check it.
     */
    public Mono<VersionGuard> deleteGuard(S3Call call) {
        return configuration(call.request().bucket())
                .map(found -> found.isPresent() ? ObjectLock.guard(call) : VersionGuard.NONE);
    }

    /** Nothing, or the InvalidRequest S3 answers a retention or legal hold request on a bucket without Object Lock. */
    Mono<Void> requireEnabled(String bucket) {
        return configuration(bucket).flatMap(found -> found.isPresent() ? Mono.<Void>empty()
                : Mono.error(S3Error.INVALID_REQUEST.exception("Bucket is missing Object Lock Configuration")));
    }
}
