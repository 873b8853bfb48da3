package dev.mocks3.s3.website;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?website — the website configuration, or 404 NoSuchWebsiteConfiguration. */
@Component("getBucketWebsite")
public class GetBucketWebsite extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketWebsite(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.get(call, BucketSetting.WEBSITE, S3Error.NO_SUCH_WEBSITE_CONFIGURATION,
                content -> BucketDocuments.wrapped(WebsiteConfiguration.ROOT, content));
    }
}
