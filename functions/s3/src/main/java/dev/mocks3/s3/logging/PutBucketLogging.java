package dev.mocks3.s3.logging;

import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.BucketRecord;
import dev.mocks3.state.metadata.BucketStore;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?logging — stores where access logs would go: the target bucket must exist, have the same
 * owner and be in the same region (InvalidTargetBucketForLogging, CrossLocationLoggingProhibited). An empty
 * BucketLoggingStatus turns logging off. No access log is written.
 */
@Component("putBucketLogging")
public class PutBucketLogging extends OperationFunction {
    private final Lookups lookups;
    private final BucketStore buckets;
    private final BucketDocuments documents;

    public PutBucketLogging(Lookups lookups, BucketStore buckets, BucketDocuments documents) {
        this.lookups = lookups;
        this.buckets = buckets;
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .zipWith(SmallBody.read(call.request().body()).map(BucketLoggingStatus::parse))
                .flatMap(sourceAndStatus -> {
                    BucketLoggingStatus status = sourceAndStatus.getT2();
                    if (status.targetBucket() == null) {
                        return documents.remove(bucket, BucketSetting.LOGGING);
                    }
                    return buckets.find(status.targetBucket())
                            .switchIfEmpty(Mono.error(() -> S3Error.INVALID_TARGET_BUCKET_FOR_LOGGING.exception()
                                    .with("TargetBucket", status.targetBucket())))
                            .doOnNext(target -> checkTarget(call, sourceAndStatus.getT1(), target))
                            .then(documents.store(bucket, BucketSetting.LOGGING, status.content()));
                })
                .thenReturn(Responses.empty(200));
    }

    private static void checkTarget(S3Call call, BucketRecord source, BucketRecord target) {
        if (!CallOwner.resolve(source.owner(), call).equals(CallOwner.resolve(target.owner(), call))) {
            throw S3Error.INVALID_TARGET_BUCKET_FOR_LOGGING
                    .exception("The owner for the bucket to be logged and the target bucket must be the same.")
                    .with("TargetBucket", target.name());
        }
        if (!Objects.equals(region(source), region(target))) {
            throw S3Error.CROSS_LOCATION_LOGGING_PROHIBITED.exception()
                    .with("SourceBucketLocation", region(source)).with("TargetBucketLocation", region(target));
        }
    }

    private static String region(BucketRecord bucket) {
        return bucket.region() == null || bucket.region().isEmpty() ? "us-east-1" : bucket.region();
    }
}
