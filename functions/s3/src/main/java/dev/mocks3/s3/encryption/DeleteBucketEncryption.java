package dev.mocks3.s3.encryption;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** DELETE /bucket?encryption — objects written later get no default encryption. */
@Component("deleteBucketEncryption")
public class DeleteBucketEncryption extends OperationFunction {
    private final BucketDocuments documents;

    public DeleteBucketEncryption(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.delete(call, BucketSetting.ENCRYPTION);
    }
}
