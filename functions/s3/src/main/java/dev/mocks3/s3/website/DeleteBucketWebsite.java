package dev.mocks3.s3.website;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** DELETE /bucket?website — 204 whether or not there was a configuration. */
@Component("deleteBucketWebsite")
public class DeleteBucketWebsite extends OperationFunction {
    private final BucketDocuments documents;

    public DeleteBucketWebsite(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.delete(call, BucketSetting.WEBSITE);
    }
}
