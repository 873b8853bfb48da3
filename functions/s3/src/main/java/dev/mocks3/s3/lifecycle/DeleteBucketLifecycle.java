package dev.mocks3.s3.lifecycle;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.LifecycleStore;
import reactor.core.publisher.Mono;

/** DELETE /bucket?lifecycle — 204 whether or not the bucket had a configuration, as S3 answers. */
@Component("deleteBucketLifecycle")
public class DeleteBucketLifecycle extends OperationFunction {
    private final Lookups lookups;
    private final LifecycleStore lifecycles;
    private final ExpirationHeader expiration;

    public DeleteBucketLifecycle(Lookups lookups, LifecycleStore lifecycles, ExpirationHeader expiration) {
        this.lookups = lookups;
        this.lifecycles = lifecycles;
        this.expiration = expiration;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(lifecycles.delete(bucket))
                .doOnSuccess(done -> expiration.forget(bucket)).thenReturn(Responses.empty(204));
    }
}
