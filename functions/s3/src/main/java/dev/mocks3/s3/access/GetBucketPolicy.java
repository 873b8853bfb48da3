package dev.mocks3.s3.access;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?policy — the policy JSON as it was put, or 404 NoSuchBucketPolicy. */
@Component("getBucketPolicy")
public class GetBucketPolicy extends OperationFunction {
    private final BucketDocuments documents;

    public GetBucketPolicy(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.get(call, BucketSetting.POLICY, S3Error.NO_SUCH_BUCKET_POLICY, policy -> {
            byte[] json = policy.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            S3Response response = Responses.xml(json);
            response.headers().set(org.springframework.http.HttpHeaders.CONTENT_TYPE, "application/json");
            return response;
        });
    }
}
