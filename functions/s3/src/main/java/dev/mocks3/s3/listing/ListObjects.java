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

/** GET /bucket — the version 1 listing, paged with marker / NextMarker. */
@Component("listObjects")
public class ListObjects extends OperationFunction {
    private final Lookups lookups;
    private final ObjectLister lister;

    public ListObjects(Lookups lookups, ObjectLister lister) {
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

    private Mono<ListBucketResult> page(S3Call call) {
        ListingRequest request = ListingRequest.of(call.request());
        String bucket = call.request().bucket();
        String marker = call.request().queryParam("marker");
        return lookups.bucket(bucket).flatMap(found -> lister
                .list(bucket, request.prefix(), request.delimiter(), marker, request.maxKeys())
                .map(listing -> new ListBucketResult(bucket, request, marker, listing,
                        Owner.of(CallOwner.resolve(found.owner(), call)))));
    }
}
