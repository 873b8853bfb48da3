package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.xml.XmlWriter;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?policyStatus — whether the bucket policy makes the bucket public. */
@Component("getBucketPolicyStatus")
public class GetBucketPolicyStatus extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketPolicyStatus(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.get(call, BucketSetting.POLICY, S3Error.NO_SUCH_BUCKET_POLICY, policy -> Responses.xml(
                XmlWriter.document("PolicyStatus").element("IsPublic", BucketPolicy.parse(policy, call.request().bucket()).isPublic())
                        .finishBytes("PolicyStatus")));
    }
}
