package dev.mocks3.s3.accelerate;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?accelerate — the Status, or an empty configuration for a bucket never configured, as S3 answers. */
@Component("getBucketAccelerateConfiguration")
public class GetBucketAccelerateConfiguration extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketAccelerateConfiguration(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getOrDefault(call, BucketSetting.ACCELERATE,
                content -> BucketDocuments.wrapped(AccelerateConfiguration.ROOT, content.orElse("")));
    }
}
