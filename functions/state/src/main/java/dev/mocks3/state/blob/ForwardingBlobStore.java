package dev.mocks3.state.blob;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A blob store that adds to another: everything it does not override goes to {@code store} as it is. */
public abstract class ForwardingBlobStore implements BlobStore {
    protected final BlobStore store;

    protected ForwardingBlobStore(BlobStore store) {
        this.store = store;
    }

    @Override
    public Mono<Void> publish(StagedBlob staged) {
        return store.publish(staged);
    }

    @Override
    public Optional<AheadPublishing> aheadPublishing() {
        return store.aheadPublishing();
    }

    @Override
    public Optional<AheadPublishing> settling() {
        return store.settling();
    }

    @Override
    public Flux<DataBuffer> read(String sha256, long offset, long length) {
        return store.read(sha256, offset, length);
    }

    @Override
    public Mono<Flux<DataBuffer>> open(String sha256, long offset, long length) {
        return store.open(sha256, offset, length);
    }

    @Override
    public Mono<Void> delete(String sha256) {
        return store.delete(sha256);
    }

    @Override
    public Mono<Void> deleteAll(List<String> sha256s) {
        return store.deleteAll(sha256s);
    }

    @Override
    public Mono<List<ComposedBlob.Part>> partsOf(String composedId) {
        return store.partsOf(composedId);
    }

    @Override
    public Flux<String> listOlderThan(Instant cutoff) {
        return store.listOlderThan(cutoff);
    }

    @Override
    public Mono<Void> probe() {
        return store.probe();
    }
}
