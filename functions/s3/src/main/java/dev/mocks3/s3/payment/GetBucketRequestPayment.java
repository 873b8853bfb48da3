package dev.mocks3.s3.payment;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?requestPayment — the Payer, BucketOwner for a bucket never configured. */
@Component("getBucketRequestPayment")
public class GetBucketRequestPayment extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketRequestPayment(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.getOrDefault(call, BucketSetting.REQUEST_PAYMENT,
                content -> BucketDocuments.wrapped(RequestPaymentConfiguration.ROOT, content.orElse(RequestPaymentConfiguration.DEFAULT)));
    }
}
