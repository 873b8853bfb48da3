package dev.mocks3.s3.listing;

import org.springframework.stereotype.Component;

import dev.mocks3.core.auth.CallOwner;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Owner;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.ObjectLister;
import reactor.core.publisher.Mono;

/** GET /bucket?list-type=2 — paged with opaque continuation tokens; owners only on fetch-owner. */
@Component("listObjectsV2")
public class ListObjectsV2 extends OperationFunction {
    private final Lookups lookups;
    private final ObjectLister lister;

    public ListObjectsV2(Lookups lookups, ObjectLister lister) {
        this.lookups = lookups;
        this.lister = lister;
    }

    @Override
    protected Mono<S3Call> answer(S3Call call) {
        return page(call).map(result -> result.answer(call));
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        return page(call).map(ListingResult::response);
    }

    private Mono<ListBucketV2Result> page(S3Call call) {
        ListingRequest request = ListingRequest.of(call.request());
        String bucket = call.request().bucket();
        String token = call.request().queryParam("continuation-token");
        String startAfter = call.request().queryParam("start-after");
        boolean fetchOwner = "true".equals(call.request().queryParam("fetch-owner"));
        // an empty token is no token (S3 lists from the start, or from start-after)
        String after = token != null && !token.isEmpty() ? ListBucketV2Result.decodeToken(token) : startAfter;
        return lookups.bucket(bucket).flatMap(found -> lister
                .list(bucket, request.prefix(), request.delimiter(), after, request.maxKeys())
                .map(listing -> new ListBucketV2Result(bucket, request, token, startAfter, fetchOwner, listing,
                        Owner.of(CallOwner.resolve(found.owner(), call)))));
    }
}
