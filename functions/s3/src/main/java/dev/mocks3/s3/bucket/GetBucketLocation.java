package dev.mocks3.s3.bucket;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import reactor.core.publisher.Mono;

/** GET /bucket?location — empty for us-east-1, as S3 answers. */
@Component("getBucketLocation")
public class GetBucketLocation extends OperationFunction {
    private final Lookups lookups;

    public GetBucketLocation(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return lookups.bucket(call.request().bucket()).map(bucket -> Responses.xml(LocationConstraint.of(bucket.region()).xml()));
    }
}
