package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/**
 * PUT /bucket?policy — 204 with the policy stored as sent; MalformedPolicy for what S3 refuses, and
 * AccessDenied for a public policy when the bucket's public access block blocks public policies.
 */
@Component("putBucketPolicy")
public class PutBucketPolicy extends OperationFunction {
    private final Lookups lookups;
    private final BucketConfigurationStore store;
    private final BucketDocuments documents;

    public PutBucketPolicy(Lookups lookups, BucketConfigurationStore store, BucketDocuments documents) {
        this.lookups = lookups;
        this.store = store;
        this.documents = documents;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket).then(SmallBody.read(call.request().body())).flatMap(body -> {
            String json = new String(body, StandardCharsets.UTF_8);
            BucketPolicy policy = BucketPolicy.parse(json, bucket);
            Mono<Void> blocked = !policy.isPublic() ? Mono.empty()
                    : store.find(bucket, BucketSetting.PUBLIC_ACCESS_BLOCK).map(PublicAccessBlock::of)
                            .filter(PublicAccessBlock::blockPublicPolicy)
                            .flatMap(block -> Mono.error(S3Error.ACCESS_DENIED.at("/" + bucket)));
            return blocked.then(documents.store(bucket, BucketSetting.POLICY, json));
        }).thenReturn(Responses.empty(204));
    }
}
