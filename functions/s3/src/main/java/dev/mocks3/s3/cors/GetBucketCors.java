package dev.mocks3.s3.cors;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?cors — the bucket's CORS configuration, or 404 NoSuchCORSConfiguration. */
@Component("getBucketCors")
public class GetBucketCors extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketCors(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getXml(call, BucketSetting.CORS, S3Error.NO_SUCH_CORS_CONFIGURATION);
    }
}
