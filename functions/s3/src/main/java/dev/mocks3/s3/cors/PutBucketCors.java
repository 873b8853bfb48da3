package dev.mocks3.s3.cors;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;

import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?cors — replaces the bucket's CORS rules, checked as S3 checks them. */
@Component("putBucketCors")
public class PutBucketCors extends OperationFunction {
    private final BucketDocuments documents;

    public PutBucketCors(BucketDocuments documents) {
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return documents.put(call, BucketSetting.CORS, 200, body -> {
            CorsConfiguration.parse(body);
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        });
    }
}
