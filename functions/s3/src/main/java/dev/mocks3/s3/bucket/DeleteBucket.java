package dev.mocks3.s3.bucket;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.access.AccessSnapshots;
import dev.mocks3.s3.lifecycle.ExpirationHeader;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.BucketStore;
import reactor.core.publisher.Mono;

/** DELETE /bucket — only an empty bucket (no objects, no open multipart uploads) goes. */
@Component("deleteBucket")
public class DeleteBucket extends OperationFunction {
    private final BucketStore buckets;
    private final AccessSnapshots snapshots;
    private final ExpirationHeader expiration;

    public DeleteBucket(BucketStore buckets, AccessSnapshots snapshots, ExpirationHeader expiration) {
        this.buckets = buckets;
        this.snapshots = snapshots;
        this.expiration = expiration;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String name = call.request().bucket();
        // a bucket of the same name made next, by any key, is not judged by this one's owner and policy
        return buckets.deleteIfEmpty(name).doOnNext(outcome -> {
            snapshots.forget(name);
            expiration.forget(name);
        }).map(outcome -> switch (outcome) {
            case DELETED -> Responses.empty(204);
            case NOT_EMPTY -> throw S3Error.BUCKET_NOT_EMPTY.at("/" + name).with("BucketName", name);
            case MISSING -> throw S3Error.NO_SUCH_BUCKET.at("/" + name).with("BucketName", name);
        });
    }
}
