package dev.mocks3.s3.logging;

import java.util.EnumSet;
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
import dev.mocks3.s3.lock.ObjectLockConfiguration;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.s3.payment.RequestPaymentConfiguration;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.config.BucketSettings;
import dev.mocks3.state.metadata.BucketRecord;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?logging — stores where access logs would go: the target bucket must exist, have the same
 * owner and be in the same region (InvalidTargetBucketForLogging, CrossLocationLoggingProhibited), and have
 * neither Requester Pays nor an Object Lock default retention (InvalidArgument), as S3 requires of a
 * destination bucket. An empty BucketLoggingStatus turns logging off. No access log is written.
 */
@Component("putBucketLogging")
public class PutBucketLogging extends OperationFunction {
    private final Lookups lookups;
    private final BucketConfigurationStore configurations;
    private final BucketDocuments documents;

    public PutBucketLogging(Lookups lookups, BucketConfigurationStore configurations, BucketDocuments documents) {
        this.lookups = lookups;
        this.configurations = configurations;
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
                    return configurations.bucketWith(status.targetBucket(),
                                    EnumSet.of(BucketSetting.REQUEST_PAYMENT, BucketSetting.OBJECT_LOCK))
                            .switchIfEmpty(Mono.error(() -> S3Error.INVALID_TARGET_BUCKET_FOR_LOGGING.exception()
                                    .with("TargetBucket", status.targetBucket())))
                            .doOnNext(target -> {
                                checkTarget(call, sourceAndStatus.getT1(), target.bucket());
                                checkDestinationSettings(target);
                            })
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

    private static void checkDestinationSettings(BucketSettings target) {
        if (target.document(BucketSetting.REQUEST_PAYMENT).filter(RequestPaymentConfiguration::requesterPays).isPresent()) {
            throw S3Error.INVALID_ARGUMENT.exception("The target bucket for logging must not have Requester Pays enabled.")
                    .with("TargetBucket", target.bucket().name());
        }
        if (target.document(BucketSetting.OBJECT_LOCK).map(ObjectLockConfiguration::stored)
                .filter(ObjectLockConfiguration::hasDefaultRetention).isPresent()) {
            throw S3Error.INVALID_ARGUMENT.exception("The target bucket for logging must not have an Object Lock default "
                    + "retention period.").with("TargetBucket", target.bucket().name());
        }
    }

    private static String region(BucketRecord bucket) {
        return bucket.region() == null || bucket.region().isEmpty() ? "us-east-1" : bucket.region();
    }
}
