package dev.mocks3.s3.access;

import java.nio.charset.StandardCharsets;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.config.BucketConfigurationStore;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** GET /bucket?acl — the bucket's ACL; the owner's full control when none was set. */
@Component("getBucketAcl")
public class GetBucketAcl extends OperationFunction {
    private final Lookups lookups;
    private final BucketConfigurationStore store;

    public GetBucketAcl(Lookups lookups, BucketConfigurationStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return lookups.bucket(bucket)
                .flatMap(found -> store.find(bucket, BucketSetting.ACL)
                        .defaultIfEmpty(AccessControlPolicy.ownerOnly(Owner.of(found.owner())).xml()))
                .map(xml -> Responses.xml(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
