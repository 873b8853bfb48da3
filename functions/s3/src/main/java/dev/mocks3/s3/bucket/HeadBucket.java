package dev.mocks3.s3.bucket;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import reactor.core.publisher.Mono;

/** HEAD /bucket — 200 with the bucket's region, or 404. */
@Component("headBucket")
public class HeadBucket extends OperationFunction {
    private final Lookups lookups;

    public HeadBucket(Lookups lookups) {
        this.lookups = lookups;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return lookups.bucket(call.request().bucket()).map(bucket -> {
            S3Response response = Responses.empty(200);
            response.headers().set("x-amz-bucket-region", bucket.region());
            response.headers().set("x-amz-access-point-alias", "false");
            return response;
        });
    }
}
