package dev.mocks3.s3.tagging;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.BucketTagStore;
import reactor.core.publisher.Mono;

/** DELETE /bucket?tagging — removes the bucket's tag set; 204 whether or not it had one. */
@Component("deleteBucketTagging")
public class DeleteBucketTagging extends OperationFunction {
    private final Lookups lookups;
    private final BucketTagStore tags;

    public DeleteBucketTagging(Lookups lookups, BucketTagStore tags) {
        this.lookups = lookups;
        this.tags = tags;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(tags.delete(bucket)).thenReturn(Responses.empty(204));
    }
}
