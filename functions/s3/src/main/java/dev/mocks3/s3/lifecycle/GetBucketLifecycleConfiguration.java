package dev.mocks3.s3.lifecycle;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.LifecycleStore;
import reactor.core.publisher.Mono;

/** GET /bucket?lifecycle — the stored configuration, or 404 NoSuchLifecycleConfiguration. */
@Component("getBucketLifecycleConfiguration")
public class GetBucketLifecycleConfiguration extends OperationFunction {
    private final Lookups lookups;
    private final LifecycleStore lifecycles;

    public GetBucketLifecycleConfiguration(Lookups lookups, LifecycleStore lifecycles) {
        this.lookups = lookups;
        this.lifecycles = lifecycles;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .then(lifecycles.find(bucket))
                .map(Responses::xml)
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_LIFECYCLE_CONFIGURATION.at("/" + bucket)
                        .with("BucketName", bucket)));
    }
}
