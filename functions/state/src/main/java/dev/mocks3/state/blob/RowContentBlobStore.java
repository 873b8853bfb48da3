package dev.mocks3.state.blob;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A blob store that also reads the blobs kept in their row ({@link SmallBody}, state V21): a blob the store
 * has no bytes for is looked up in {@code blobs.content}. A GET of a small object gets its bytes with its
 * row and never comes here; reads by hash alone do (UploadPartCopy, a composed blob's small part,
 * an older version). Everything else goes to the store as it is.
 */
public final class RowContentBlobStore extends ForwardingBlobStore {
    private final DatabaseClient db;

    public RowContentBlobStore(BlobStore store, DatabaseClient db) {
        super(store);
        this.db = db;
    }

    @Override
    public Flux<DataBuffer> read(String sha256, long offset, long length) {
        return BlobStore.streamed(open(sha256, offset, length));
    }

    /** The store's bytes, else the row's; a store that finds out late (a bucket's 404 as the stream starts) too. */
    @Override
    public Mono<Flux<DataBuffer>> open(String sha256, long offset, long length) {
        return store.open(sha256, offset, length)
                .map(bytes -> bytes.onErrorResume(MissingBlobException.class,
                        missing -> fromRow(sha256, offset, length).flux().switchIfEmpty(Flux.error(missing))))
                .onErrorResume(MissingBlobException.class,
                        missing -> fromRow(sha256, offset, length).map(Flux::just).switchIfEmpty(Mono.error(missing)));
    }

    /** The range of a blob kept in its row; empty when its row keeps no bytes (or is gone). */
    private Mono<DataBuffer> fromRow(String sha256, long offset, long length) {
        return db.sql("select content from blobs where sha256 = $1 and content is not null").bind(0, sha256)
                .map(row -> row.get(0, byte[].class)).one()
                .map(content -> SmallBody.range(content, offset, length));
    }
}
