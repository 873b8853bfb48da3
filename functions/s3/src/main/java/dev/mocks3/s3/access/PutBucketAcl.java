package dev.mocks3.s3.access;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.config.BucketDocuments;
import dev.mocks3.s3.config.WritableBuckets;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.http.SmallBody;
import dev.mocks3.state.config.BucketSetting;
import reactor.core.publisher.Mono;

/** PUT /bucket?acl — the bucket's ACL from x-amz-acl, x-amz-grant-* or an AccessControlPolicy body. */
@Component("putBucketAcl")
public class PutBucketAcl extends OperationFunction {
    private final WritableBuckets buckets;
    private final BucketDocuments documents;
    private final KnownAccounts accounts;

    public PutBucketAcl(WritableBuckets buckets, BucketDocuments documents, ObjectProvider<KnownAccounts> accounts) {
        this.buckets = buckets;
        this.documents = documents;
        this.accounts = accounts.getIfAvailable(() -> KnownAccounts.ANY);
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        return buckets.of(bucket).flatMap(settings -> SmallBody.read(call.request().body()).flatMap(body -> {
            Owner owner = Owner.of(settings.bucket().owner());
            RequestedAcl requested = RequestedAcl.read(call.request().headers(), body, owner, owner)
                    .checkedAgainst(settings.documents()).checkedAgainst(accounts);
            return documents.store(bucket, BucketSetting.ACL, requested.acl().xml());
        })).thenReturn(Responses.empty(200));
    }
}
