package dev.mocks3.state.blob;

import java.util.List;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Any blob store, plus composed blobs ({@link ComposedBlob}): their manifest is stored in the
 * underlying store under the composed id, and a read streams the parts that hold the range asked
 * for, in order. Plain blobs pass straight through, at no extra cost.
 */
public final class ComposedBlobStore extends ForwardingBlobStore {
    /**
     * Parts opened when the read is opened, so a delete racing the read cannot cut them (as for a
     * plain blob); a read of more parts opens the rest as the stream reaches them, to bound open files.
     */
    static final int PARTS_OPENED_AHEAD = 256;
    public ComposedBlobStore(BlobStore plain) {
        super(plain);
    }

    @Override
    public Flux<DataBuffer> read(String id, long offset, long length) {
        if (!ComposedBlob.isComposed(id)) {
            return store.read(id, offset, length);
        }
        return BlobStore.streamed(open(id, offset, length));
    }

    @Override
    public Mono<Flux<DataBuffer>> open(String id, long offset, long length) {
        if (!ComposedBlob.isComposed(id)) {
            return store.open(id, offset, length);
        }
        if (length == 0) {
            return Mono.just(Flux.empty());
        }
        return partsOf(id).map(parts -> new ComposedBlob(id, parts).slices(offset, length)).flatMap(slices -> {
            List<ComposedBlob.Slice> ahead = slices.subList(0, Math.min(slices.size(), PARTS_OPENED_AHEAD));
            List<ComposedBlob.Slice> later = slices.subList(ahead.size(), slices.size());
            return Flux.fromIterable(ahead).concatMap(slice -> store.open(slice.sha256(), slice.offset(), slice.length()))
                    .collectList()
                    .map(opened -> Flux.concat(Flux.fromIterable(opened).concatMap(bytes -> bytes),
                            Flux.fromIterable(later).concatMap(slice -> store.open(slice.sha256(), slice.offset(), slice.length())
                                    .flatMapMany(bytes -> bytes))));
        });
    }

    @Override
    public Mono<List<ComposedBlob.Part>> partsOf(String id) {
        return store.open(id, 0, Long.MAX_VALUE)
                .flatMap(bytes -> DataBufferUtils.join(bytes))
                .map(joined -> {
                    byte[] manifest = new byte[joined.readableByteCount()];
                    joined.read(manifest);
                    DataBufferUtils.release(joined);
                    return ComposedBlob.parse(id, manifest).parts();
                });
    }
}
