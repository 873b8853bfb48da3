package dev.mocks3.s3.accelerate;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?accelerate — stores Enabled or Suspended (transfers are not accelerated: there is one endpoint). */
@Component("putBucketAccelerateConfiguration")
public class PutBucketAccelerateConfiguration extends OperationFunction {
    private final BucketDocuments documents;

    public PutBucketAccelerateConfiguration(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.ACCELERATE, 200, body -> AccelerateConfiguration.check(body, call.request().bucket()));
    }
}
