package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?publicAccessBlock — the configuration, or 404 NoSuchPublicAccessBlockConfiguration. */
@Component("getPublicAccessBlock")
public class GetPublicAccessBlock extends OperationFunction {
    private final BucketDocuments documents;

    public GetPublicAccessBlock(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getXml(call, BucketSetting.PUBLIC_ACCESS_BLOCK, S3Error.NO_SUCH_PUBLIC_ACCESS_BLOCK_CONFIGURATION);
    }
}
