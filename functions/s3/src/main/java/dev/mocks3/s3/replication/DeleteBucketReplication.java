package dev.mocks3.s3.replication;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** DELETE /bucket?replication — 204 whether or not there were rules. */
@Component("deleteBucketReplication")
public class DeleteBucketReplication extends OperationFunction {
    private final BucketDocuments documents;

    public DeleteBucketReplication(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.delete(call, BucketSetting.REPLICATION);
    }
}
