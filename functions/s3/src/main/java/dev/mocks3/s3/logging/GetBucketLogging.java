package dev.mocks3.s3.logging;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?logging — the LoggingEnabled stored, or an empty BucketLoggingStatus (logging off), as S3 answers. */
@Component("getBucketLogging")
public class GetBucketLogging extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketLogging(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getOrDefault(call, BucketSetting.LOGGING,
                content -> BucketDocuments.wrapped(BucketLoggingStatus.ROOT, content.orElse("")));
    }
}
