package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?publicAccessBlock — what public ACLs and policies the bucket refuses or ignores. */
@Component("putPublicAccessBlock")
public class PutPublicAccessBlock extends OperationFunction {
    private final BucketDocuments documents;

    public PutPublicAccessBlock(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.PUBLIC_ACCESS_BLOCK, 200, body -> PublicAccessBlock.parse(body).xml());
    }
}
