package dev.mocks3.faults.inject;

import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.http.HttpDates;
import dev.mocks3.core.metadata.MetadataValues;
import dev.mocks3.core.metadata.StoredHeaders;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.SmallBody;
import dev.mocks3.state.metadata.ObjectRecord;
import dev.mocks3.state.metadata.ObjectStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A key's current state read straight from the stores, shaped as a GET answer (NoSuchKey when absent):
 * what stale_read keeps before a write, on any instance, whether or not it serves getObject. Like a GET it
 * sends no header of MockS3's own, metadata mail-safe, and refuses an SSE-C object (read without its key).
 */
public final class StoredObjectReads implements Function<Mono<S3Call>, Mono<S3Call>> {
    private final ObjectStore objects;
    private final BlobStore blobs;

    public StoredObjectReads(ObjectStore objects, BlobStore blobs) {
        this.objects = objects;
        this.blobs = blobs;
    }

    @Override
    public Mono<S3Call> apply(Mono<S3Call> calls) {
        return calls.flatMap(call -> objects.findWithContent(call.request().bucket(), call.request().key())
                .switchIfEmpty(Mono.error(() -> S3Error.NO_SUCH_KEY.at(call.request().resource())))
                .map(object -> {
                    if (object.headers().containsKey(StoredHeaders.SSE_CUSTOMER_KEY_HASH)) {
                        // as a GET without the customer key is answered: such an object is never read without it
                        throw StoredHeaders.customerKeyRequired();
                    }
                    return call.withResponse(new S3Response(200, headers(object), body(object)));
                }));
    }

    private Flux<DataBuffer> body(ObjectRecord object) {
        if (object.content() != null) {
            // a small object's bytes came with its row
            return Flux.just(SmallBody.range(object.content(), 0, object.size()));
        }
        return object.size() == 0 ? Flux.empty() : blobs.read(object.blobSha256(), 0, object.size());
    }

    private static HttpHeaders headers(ObjectRecord object) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ETAG, object.quotedEtag());
        headers.setContentLength(object.size());
        headers.set(HttpHeaders.CONTENT_TYPE, object.contentType() == null ? "application/octet-stream" : object.contentType());
        headers.set(HttpHeaders.LAST_MODIFIED, HttpDates.format(object.lastModified()));
        object.headers().forEach((name, value) -> {
            if (!StoredHeaders.internal(name)) {
                headers.set(name, value);
            }
        });
        object.userMetadata().forEach((name, value) -> headers.set("x-amz-meta-" + name, MetadataValues.mailSafe(value)));
        return headers;
    }
}
