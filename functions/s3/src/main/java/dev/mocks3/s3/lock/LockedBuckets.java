package dev.mocks3.s3.lock;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** Whether a bucket has Object Lock enabled, and its configuration. */
@Component
public class LockedBuckets {
    private final Lookups lookups;
    private final BucketConfigurationStore configurations;

    public LockedBuckets(Lookups lookups, BucketConfigurationStore configurations) {
        this.lookups = lookups;
        this.configurations = configurations;
    }

    /** The bucket's ObjectLockConfiguration, empty when Object Lock is not enabled; NoSuchBucket when there is no bucket. */
    public Mono<Optional<ObjectLockConfiguration>> configuration(String bucket) {
        return lookups.bucket(bucket).then(configurations.find(bucket, BucketSetting.OBJECT_LOCK)
                .map(document -> Optional.of(ObjectLockConfiguration.stored(document)))
                .defaultIfEmpty(Optional.empty()));
    }

    /** Nothing, or the InvalidRequest S3 answers a retention or legal hold request on a bucket without Object Lock. */
    Mono<Void> requireEnabled(String bucket) {
        return configuration(bucket).flatMap(found -> found.isPresent() ? Mono.<Void>empty()
                : Mono.error(S3Error.INVALID_REQUEST.exception("Bucket is missing Object Lock Configuration")));
    }
}
