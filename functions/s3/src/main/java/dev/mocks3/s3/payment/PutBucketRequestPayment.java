package dev.mocks3.s3.payment;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?requestPayment — stores the Payer (requests are not billed: nothing changes for requesters). */
@Component("putBucketRequestPayment")
public class PutBucketRequestPayment extends OperationFunction {
    private final BucketDocuments documents;

    public PutBucketRequestPayment(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.REQUEST_PAYMENT, 200, RequestPaymentConfiguration::check);
    }
}
