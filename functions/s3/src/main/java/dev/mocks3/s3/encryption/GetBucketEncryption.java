package dev.mocks3.s3.encryption;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?encryption — the default encryption, or 404 ServerSideEncryptionConfigurationNotFoundError. */
@Component("getBucketEncryption")
public class GetBucketEncryption extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketEncryption(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getXml(call, BucketSetting.ENCRYPTION, S3Error.SSE_CONFIGURATION_NOT_FOUND);
    }
}
