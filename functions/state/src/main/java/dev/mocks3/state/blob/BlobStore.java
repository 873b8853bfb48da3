package dev.mocks3.state.blob;

import org.springframework.core.io.buffer.DataBuffer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bytes addressed by their SHA-256. Equal content is stored once; who references it is
 * counted in PostgreSQL ({@link dev.mocks3.state.metadata.BlobReferences}).
 */
public interface BlobStore {

    /** Makes staged bytes readable under their hash; idempotent, consumes the staged file. */
    Mono<Void> publish(StagedBlob staged);

    /** Streams {@code length} bytes starting at {@code offset}. */
    Flux<DataBuffer> read(String sha256, long offset, long length);

    Mono<Void> delete(String sha256);

    /** Completes when the store can be written and read now, fails otherwise (the health check). */
    Mono<Void> probe();
}
