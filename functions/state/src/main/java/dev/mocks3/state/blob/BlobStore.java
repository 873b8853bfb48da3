package dev.mocks3.state.blob;

import java.time.Instant;

import org.springframework.core.io.buffer.DataBuffer;

import dev.mocks3.core.error.S3Error;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bytes addressed by their SHA-256. Equal content is stored once; who references it is
 * counted in PostgreSQL ({@link dev.mocks3.state.metadata.BlobReferences}).
 */
public interface BlobStore {

    /** Makes staged bytes readable under their hash; idempotent, consumes the staged file. */
    Mono<Void> publish(StagedBlob staged);

    /**
     * How this store publishes a blob before the row that names it commits, if it can (a file system:
     * a hard link is cheap and keeps the staged file); empty when a blob is only published under its
     * hash's lock, inside the writing transaction.
     */
    default java.util.Optional<AheadPublishing> aheadPublishing() {
        return java.util.Optional.empty();
    }

    /**
     * How a blob published ahead (by this or a dead process) is settled, even where this store's own writes
     * do not publish ahead (a traced store): the storage sweep settles a dead process's kept files with it.
     */
    default java.util.Optional<AheadPublishing> settling() {
        return aheadPublishing();
    }

    /** Streams {@code length} bytes starting at {@code offset}. */
    Flux<DataBuffer> read(String sha256, long offset, long length);

    /** The bytes of an {@link #open}ed blob as {@link #read} streams them: a missing blob is a 500 to the client. */
    static Flux<DataBuffer> streamed(Mono<Flux<DataBuffer>> opened) {
        return opened.flatMapMany(bytes -> bytes).onErrorMap(MissingBlobException.class,
                e -> S3Error.INTERNAL_ERROR.exception("The object's content is missing from the blob store"));
    }

    /**
     * Like {@link #read}, but the content is secured once the Mono emits: a delete afterwards does
     * not cut the stream. Fails with {@link MissingBlobException} when the blob is gone already.
     */
    Mono<Flux<DataBuffer>> open(String sha256, long offset, long length);

    Mono<Void> delete(String sha256);

    /** Deletes these blobs; a store whose deletions block does them in one task rather than one task each. */
    default Mono<Void> deleteAll(java.util.List<String> sha256s) {
        return Flux.fromIterable(sha256s).flatMap(this::delete).then();
    }

    /**
     * The parts of a composed blob ({@link ComposedBlob}), read from its manifest; fails with
     * {@link MissingBlobException} when the manifest is gone. Only stores that compose blobs have any.
     */
    default Mono<java.util.List<ComposedBlob.Part>> partsOf(String composedId) {
        return Mono.error(new MissingBlobException(composedId));
    }

    /** Hashes of the stored blobs last written before {@code cutoff}. */
    Flux<String> listOlderThan(Instant cutoff);
    /** Completes when the store can be written and read now, fails otherwise (the health check). */
    Mono<Void> probe();
}
