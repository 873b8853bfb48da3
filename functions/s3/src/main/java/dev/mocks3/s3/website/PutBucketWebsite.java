package dev.mocks3.s3.website;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?website — stores the website configuration, checked as S3 checks it (no website endpoint serves it). */
@Component("putBucketWebsite")
public class PutBucketWebsite extends OperationFunction {
    private final BucketDocuments documents;

    public PutBucketWebsite(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.WEBSITE, 200, WebsiteConfiguration::check);
    }
}
