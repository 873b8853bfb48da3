package dev.mocks3.app.observe;

import java.time.Instant;

import org.springframework.core.io.buffer.DataBuffer;

import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.blob.StagedBlob;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The blob store with a span around each call made for a traced request (only used while tracing is on). */
final class TracedBlobStore implements BlobStore {
    private final BlobStore blobs;
    private final RequestTracing tracing;

    TracedBlobStore(BlobStore blobs, RequestTracing tracing) {
        this.blobs = blobs;
        this.tracing = tracing;
    }

    @Override
    public Mono<Void> publish(StagedBlob staged) {
        return tracing.child("blob publish", blobs.publish(staged));
    }

    /**
     * The store's own, its steps traced beneath the span current when the write asks (a write outside any
     * traced request publishes ahead untraced), so that a traced PutObject takes the untraced one's path.
     */
    @Override
    public java.util.Optional<dev.mocks3.state.blob.AheadPublishing> aheadPublishing() {
        io.micrometer.tracing.Span parent = tracing.current();
        return blobs.aheadPublishing().map(ahead -> parent == null ? ahead
                : new TracedAheadPublishing(ahead, tracing, parent));
    }

    /** The traced store's: kept files a process left unsettled are settled as that process would have. */
    @Override
    public java.util.Optional<dev.mocks3.state.blob.AheadPublishing> settling() {
        return blobs.settling();
    }

    @Override
    public Flux<DataBuffer> read(String sha256, long offset, long length) {
        return tracing.child("blob read", blobs.read(sha256, offset, length));
    }

    @Override
    public Mono<Flux<DataBuffer>> open(String sha256, long offset, long length) {
        return tracing.child("blob open", blobs.open(sha256, offset, length))
                .map(body -> tracing.child("blob read", body));
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return tracing.child("blob delete", blobs.delete(sha256));
    }

    @Override
    public Mono<Void> deleteAll(java.util.List<String> sha256s) {
        return tracing.child("blob delete", blobs.deleteAll(sha256s));
    }

    @Override
    public Mono<java.util.List<dev.mocks3.state.blob.ComposedBlob.Part>> partsOf(String composedId) {
        return tracing.child("blob read", blobs.partsOf(composedId));
    }

    @Override
    public Flux<String> listOlderThan(Instant cutoff) {
        return blobs.listOlderThan(cutoff);
    }

    @Override
    public Mono<Void> probe() {
        return blobs.probe();
    }
}
