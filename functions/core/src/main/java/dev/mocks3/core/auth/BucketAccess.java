package dev.mocks3.core.auth;

import java.util.ArrayList;
import java.util.List;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.routing.CopySource;
import dev.mocks3.core.routing.S3Operation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Strict mode's isolation between access keys: a key touches only the buckets it created, the
 * request's own bucket and, for CopyObject and UploadPartCopy, the copy source's. A bucket that does
 * not exist is left to the operation (NoSuchBucket); creating a bucket another key owns is BucketAlreadyExists.
 */
public final class BucketAccess {
    /** Set on a strict call: ListBuckets shows only the buckets of {@link S3Call#accessKey()}. */
    static final String OWN_BUCKETS_ONLY = "mocks3.auth.own-buckets-only";

    private final BucketOwners owners;

    BucketAccess(BucketOwners owners) {
        this.owners = owners;
    }

    Mono<S3Call> check(S3Call call) {
        String key = call.accessKey();
        return Flux.fromIterable(touchedBuckets(call))
                .concatMap(bucket -> owners.ownerOf(bucket).filter(owner -> !owner.equals(key))
                        .map(owner -> denied(call, bucket)))
                .next()
                .<S3Call>flatMap(Mono::error)
                .defaultIfEmpty(call.withAttribute(OWN_BUCKETS_ONLY, Boolean.TRUE));
    }

    private static List<String> touchedBuckets(S3Call call) {
        List<String> buckets = new ArrayList<>(2);
        if (call.request().bucket() != null) {
            buckets.add(call.request().bucket());
        }
        if (call.operation() == S3Operation.COPY_OBJECT || call.operation() == S3Operation.UPLOAD_PART_COPY) {
            String header = call.request().header("x-amz-copy-source");
            if (header != null && !header.isBlank()) {
                buckets.add(CopySource.parse(header).bucket());
            }
        }
        return buckets;
    }

    private static RuntimeException denied(S3Call call, String bucket) {
        if (call.operation() == S3Operation.CREATE_BUCKET && bucket.equals(call.request().bucket())) {
            return S3Error.BUCKET_ALREADY_EXISTS.at("/" + bucket).with("BucketName", bucket);
        }
        return S3Error.ACCESS_DENIED.at(call.request().resource());
    }

    /** True when the call may see only its own buckets in ListBuckets. */
    public static boolean ownBucketsOnly(S3Call call) {
        return Boolean.TRUE.equals(call.attribute(OWN_BUCKETS_ONLY));
    }
}
