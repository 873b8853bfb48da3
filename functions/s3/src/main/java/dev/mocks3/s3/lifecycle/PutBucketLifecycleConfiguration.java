package dev.mocks3.s3.lifecycle;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.lifecycle.LifecycleConfiguration;
import dev.mocks3.core.lifecycle.RuleIds;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.LifecycleStore;
import reactor.core.publisher.Mono;

/** PUT /bucket?lifecycle — validates the rules as S3 does, names the rules sent without an ID, then
 * replaces the bucket's configuration. */
@Component("putBucketLifecycleConfiguration")
public class PutBucketLifecycleConfiguration extends OperationFunction {
    private final Lookups lookups;
    private final LifecycleStore lifecycles;
    private final ExpirationHeader expiration;

    public PutBucketLifecycleConfiguration(Lookups lookups, LifecycleStore lifecycles, ExpirationHeader expiration) {
        this.lookups = lookups;
        this.lifecycles = lifecycles;
        this.expiration = expiration;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .then(SmallBody.read(call.request().body()))
                .flatMap(document -> {
                    LifecycleConfiguration.parse(document);
                    return lifecycles.put(bucket, RuleIds.assign(document));
                })
                // false: the bucket went away since it was looked up
                .map(stored -> {
                    expiration.forget(bucket);
                    if (!stored) {
                        throw S3Error.NO_SUCH_BUCKET.at("/" + bucket).with("BucketName", bucket);
                    }
                    return Responses.empty(200);
                });
    }
}
