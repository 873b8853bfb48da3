package dev.mocks3.s3.lock;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import dev.mocks3.state.metadata.Versioning;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?object-lock — sets the default retention of a bucket with Object Lock, or enables Object
 * Lock on an existing bucket whose versioning is Enabled (as S3 now allows); once enabled it stays.
 */
@Component("putObjectLockConfiguration")
public class PutObjectLockConfiguration extends OperationFunction {
    private final Lookups lookups;
    private final BucketConfigurationStore configurations;
    private final BucketDocuments documents;

    public PutObjectLockConfiguration(Lookups lookups, BucketConfigurationStore configurations, BucketDocuments documents) {
        this.lookups = lookups;
        this.configurations = configurations;
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).flatMap(record -> SmallBody.read(call.request().body())
                .map(ObjectLockConfiguration::parse)
                .flatMap(configuration -> configurations.find(bucket, BucketSetting.OBJECT_LOCK).hasElement()
                        .flatMap(enabled -> {
                            if (!enabled && record.versioning() != Versioning.ENABLED) {
                                return Mono.error(S3Error.INVALID_BUCKET_STATE.exception(
                                        "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration"));
                            }
                            return documents.store(bucket, BucketSetting.OBJECT_LOCK, configuration.xml());
                        })))
                .thenReturn(Responses.empty(200));
    }
}
