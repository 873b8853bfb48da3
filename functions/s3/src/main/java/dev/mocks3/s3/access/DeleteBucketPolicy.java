package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** DELETE /bucket?policy — 204 whether or not there was a policy. */
@Component("deleteBucketPolicy")
public class DeleteBucketPolicy extends OperationFunction {
    private final BucketDocuments documents;

    public DeleteBucketPolicy(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.delete(call, BucketSetting.POLICY);
    }
}
