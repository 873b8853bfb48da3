package dev.mocks3.s3.lock;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?object-lock — the configuration, or 404 ObjectLockConfigurationNotFoundError without Object Lock. */
@Component("getObjectLockConfiguration")
public class GetObjectLockConfiguration extends OperationFunction {
    private final BucketDocuments documents;

    public GetObjectLockConfiguration(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getXml(call, BucketSetting.OBJECT_LOCK, S3Error.OBJECT_LOCK_CONFIGURATION_NOT_FOUND);
    }
}
