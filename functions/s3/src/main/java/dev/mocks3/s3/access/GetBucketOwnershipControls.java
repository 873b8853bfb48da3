package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?ownershipControls — the setting, or 404 OwnershipControlsNotFoundError. */
@Component("getBucketOwnershipControls")
public class GetBucketOwnershipControls extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketOwnershipControls(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getXml(call, BucketSetting.OWNERSHIP_CONTROLS, S3Error.OWNERSHIP_CONTROLS_NOT_FOUND);
    }
}
