package dev.mocks3.s3.replication;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?replication — the replication rules, or 404 ReplicationConfigurationNotFoundError. */
@Component("getBucketReplication")
public class GetBucketReplication extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketReplication(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.get(call, BucketSetting.REPLICATION, S3Error.REPLICATION_CONFIGURATION_NOT_FOUND,
                content -> BucketDocuments.wrapped(ReplicationConfiguration.ROOT, content));
    }
}
