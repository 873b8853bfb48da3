package dev.mocks3.state.metadata;

import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.state.blob.BlobStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reference counts of content-addressed blobs. Every change to a blob's count, and every file
 * operation that depends on it, happens under a PostgreSQL advisory lock on that hash, so a
 * blob is never deleted while another writer is publishing the same content.
 */
public final class BlobReferences {
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final BlobStore blobs;

    public BlobReferences(DatabaseClient db, TransactionalOperator tx, BlobStore blobs) {
        this.db = db;
        this.tx = tx;
        this.blobs = blobs;
    }

    /** Locks the hashes for the rest of the current transaction, in a fixed order. */
    public Mono<Void> lock(Collection<String> sha256s) {
        return Flux.fromIterable(new TreeSet<>(sha256s))
                .concatMap(sha -> db.sql("select pg_advisory_xact_lock($1)").bind(0, lockId(sha)).then())
                .then();
    }

    public Mono<Void> retain(String sha256, long size) {
        return db.sql("insert into blobs (sha256, size, ref_count) values ($1, $2, 1) "
                        + "on conflict (sha256) do update set ref_count = blobs.ref_count + 1, updated_at = now()")
                .bind(0, sha256).bind(1, size).then();
    }

    /** Drops one reference; true when it was the last one (the row is gone, the file may go). */
    public Mono<Boolean> release(String sha256) {
        return db.sql("update blobs set ref_count = ref_count - 1, updated_at = now() where sha256 = $1 returning ref_count")
                .bind(0, sha256).map(row -> row.get(0, Long.class)).one()
                .flatMap(left -> left > 0 ? Mono.just(false)
                        : db.sql("delete from blobs where sha256 = $1 and ref_count <= 0").bind(0, sha256).then()
                                .thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** After a commit that dropped a last reference: delete the file unless the hash came back. */
    public Mono<Void> deleteIfUnreferenced(String sha256) {
        Mono<Void> work = lock(java.util.List.of(sha256))
                .then(db.sql("select 1 from blobs where sha256 = $1").bind(0, sha256).map(row -> 1).first())
                .hasElement()
                .flatMap(referenced -> referenced ? Mono.<Void>empty() : blobs.delete(sha256));
        return tx.transactional(work);
    }

    /** Deletes the files of all blobs whose last reference a finished transaction dropped. */
    public Mono<Void> deleteAllUnreferenced(Collection<String> sha256s) {
        return Flux.fromIterable(sha256s).concatMap(this::deleteIfUnreferenced).then();
    }

    private static long lockId(String sha256) {
        return HexFormat.fromHexDigitsToLong(sha256, 0, 16);
    }
}
