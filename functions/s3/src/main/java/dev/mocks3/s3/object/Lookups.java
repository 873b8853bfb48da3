package dev.mocks3.s3.object;

import org.springframework.stereotype.Component;

import dev.mocks3.core.error.S3Error;
import dev.mocks3.state.metadata.BucketRecord;
import dev.mocks3.state.metadata.BucketStore;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import reactor.core.publisher.Mono;

/** Finds a bucket or an object, or fails with the error S3 gives for its absence. */
@Component
public class Lookups {
    private final BucketStore buckets;
    private final ObjectStore objects;

    public Lookups(BucketStore buckets, ObjectStore objects) {
        this.buckets = buckets;
        this.objects = objects;
    }

    public Mono<BucketRecord> bucket(String name) {
        return buckets.find(name)
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_BUCKET.at("/" + name).with("BucketName", name)));
    }

    /** The object, or NoSuchKey (NoSuchBucket when the bucket itself is missing). */
    public Mono<ObjectRecord> object(String bucket, String key) {
        return objects.find(bucket, key)
                .switchIfEmpty(Mono.defer(() -> bucket(bucket)
                        .then(Mono.error(S3Error.NO_SUCH_KEY.at("/" + bucket + "/" + key).with("Key", key)))));
    }
}
