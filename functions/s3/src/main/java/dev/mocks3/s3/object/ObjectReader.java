package dev.mocks3.s3.object;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.s3.http.ByteRange;
import dev.mocks3.s3.http.ObjectHeaders;
import dev.mocks3.s3.http.Preconditions;
import dev.mocks3.state.blob.BlobStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What GetObject and HeadObject share: lookup, conditions, range and headers. */
@Component
public class ObjectReader {
    private final Lookups lookups;
    private final BlobStore blobs;

    public ObjectReader(Lookups lookups, BlobStore blobs) {
        this.lookups = lookups;
        this.blobs = blobs;
    }

    public Mono<S3Response> read(S3Call call, boolean withBody) {
        S3Request request = call.request();
        return lookups.object(request.bucket(), request.key()).map(object -> {
            Preconditions.forRead(request.headers()).check(object.etag(), object.lastModified(), true);
            ByteRange range = ByteRange.parse(request.header(HttpHeaders.RANGE), object.size());
            HttpHeaders headers = ObjectHeaders.forRead(object, request);
            long offset = range == null ? 0 : range.first();
            long length = range == null ? object.size() : range.length();
            headers.setContentLength(length);
            if (range != null) {
                headers.set(HttpHeaders.CONTENT_RANGE, range.contentRange());
            }
            return new S3Response(range == null ? 200 : 206, headers,
                    withBody ? blobs.read(object.blobSha256(), offset, length) : Flux.empty());
        });
    }
}
