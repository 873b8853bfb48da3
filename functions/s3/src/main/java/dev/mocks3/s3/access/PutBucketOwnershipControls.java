package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?ownershipControls — BucketOwnerEnforced turns ACLs off. */
@Component("putBucketOwnershipControls")
public class PutBucketOwnershipControls extends OperationFunction {
    private final BucketDocuments documents;

    public PutBucketOwnershipControls(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.OWNERSHIP_CONTROLS, 200, body -> OwnershipControls.parse(body).xml());
    }
}
