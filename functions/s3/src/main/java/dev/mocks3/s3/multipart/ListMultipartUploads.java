package dev.mocks3.s3.multipart;

import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.OperationFunction;
import dev.mocks3.s3.http.Responses;
import dev.mocks3.s3.object.Lookups;
import dev.mocks3.state.metadata.MultipartStore;
import reactor.core.publisher.Mono;

/** GET /bucket?uploads — open uploads by key, paged by key-marker. */
@Component("listMultipartUploads")
public class ListMultipartUploads extends OperationFunction {
    private final Lookups lookups;
    private final MultipartStore store;

    public ListMultipartUploads(Lookups lookups, MultipartStore store) {
        this.lookups = lookups;
        this.store = store;
    }

    @Override
    protected Mono<S3Response> handle(S3Call call) {
        String bucket = call.request().bucket();
        String prefix = call.request().queryParam("prefix");
        String keyMarker = call.request().queryParam("key-marker");
        int maxUploads = Math.min(ListParts.number(call.request().queryParam("max-uploads"), 1000, "max-uploads"), 1000);
        return lookups.bucket(bucket)
                .then(store.list(bucket, prefix == null ? "" : prefix, keyMarker == null ? "" : keyMarker, maxUploads + 1)
                        .collectList())
                .map(uploads -> {
                    boolean truncated = uploads.size() > maxUploads;
                    var page = truncated ? uploads.subList(0, maxUploads) : uploads;
                    return Responses.xml(new ListMultipartUploadsResult(bucket, keyMarker, prefix, maxUploads, truncated, page).xml());
                });
    }
}
