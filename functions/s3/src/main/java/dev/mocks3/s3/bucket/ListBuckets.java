package dev.mocks3.s3.bucket;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.BucketAccess;
import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.state.metadata.BucketStore;
import reactor.core.publisher.Mono;

/**
 * GET / — every bucket, by name, paged by max-buckets and continuation-token, filtered by prefix
 * and bucket-region; in strict mode only the caller's own.
 */
@Component("listBuckets")
public class ListBuckets extends OperationFunction {
    private final BucketStore buckets;

    public ListBuckets(BucketStore buckets) {
        this.buckets = buckets;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        BucketPage page = BucketPage.of(call.request());
        boolean ownOnly = BucketAccess.ownBucketsOnly(call);
        return buckets.all().filter(page::admits)
                .filter(b -> !ownOnly || b.owner() != null && b.owner().equals(call.accessKey())).collectList()
                .map(matching -> Responses.xml(new ListAllMyBucketsResult(Owner.of(CallOwner.of(call)),
                        page.page(matching), page.nextToken(matching), page.prefix()).xml()));
    }
}
