package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What lifecycle removes for good from a versioned bucket: noncurrent versions whose time has come
 * (never one Object Lock protects) and delete markers left as the only version of their key. Each
 * removal takes the key's lock and checks again, in the same statement that finds the row, that
 * the version is still noncurrent (or the marker still alone), so a write since it was found wins.
 */
public final class LifecycleRemovals {
    /** The version {@code v} is the only one of its key, and not an object that is current. */
    private static final String ALONE = "not exists (select 1 from objects o where o.bucket = v.bucket and o.key = v.key) "
            + "and not exists (select 1 from object_versions w where w.bucket = v.bucket and w.key = v.key and w.seq <> v.seq)";
    private static final ChangeCause CAUSE = ChangeCause.internal(S3EventNames.LIFECYCLE_EXPIRATION_DELETE);
    private final DatabaseClient db;
    private final BlobReferences refs;
    private final TransactionalOperator tx;
    private final ObjectEvents events;

    public LifecycleRemovals(DatabaseClient db, BlobReferences refs, TransactionalOperator tx, ObjectEvents events) {
        this.db = db;
        this.refs = refs;
        this.tx = tx;
        this.events = events;
    }

    /**
     * Up to {@code limit} noncurrent versions of keys starting with {@code prefix}, by key and oldest
     * first, after the version ({@code afterKey}, {@code afterSeq}). A version became noncurrent when
     * the next newer version of its key (or the current object) was written.
     */
    public Flux<NoncurrentVersion> noncurrent(String bucket, String prefix, String afterKey, long afterSeq, int limit) {
        return db.sql("select * from (select v.key, v.version_id, v.seq, v.delete_marker, v.size, v.storage_class, v.tags, "
                        + "coalesce(lead(v.last_modified) over newer_first, o.last_modified) as noncurrent_since, "
                        + "row_number() over (partition by v.key order by v.seq desc) - 1 "
                        + "- (case when o.key is null then 1 else 0 end) as newer_noncurrent "
                        + "from object_versions v left join objects o on o.bucket = v.bucket and o.key = v.key "
                        + "where v.bucket = $1 and starts_with(v.key, $2) and v.key >= $3 "
                        + "window newer_first as (partition by v.key order by v.seq)) n "
                        + "where noncurrent_since is not null and (key > $3 or seq > $4) order by key, seq limit $5")
                .bind(0, bucket).bind(1, prefix).bind(2, afterKey).bind(3, afterSeq).bind(4, limit)
                .map(row -> new NoncurrentVersion(row.get("key", String.class), row.get("version_id", String.class),
                        row.get("seq", Long.class), Boolean.TRUE.equals(row.get("delete_marker", Boolean.class)),
                        row.get("size", Long.class), row.get("storage_class", String.class), JsonColumns.read(row.get("tags")),
                        row.get("noncurrent_since", OffsetDateTime.class).toInstant(),
                        row.get("newer_noncurrent", Long.class)))
                .all();
    }

    /** Up to {@code limit} keys starting with {@code prefix}, after {@code after}, whose only version is a delete marker. */
    public Flux<String> loneDeleteMarkers(String bucket, String prefix, String after, int limit) {
        return db.sql("select v.key from object_versions v where v.bucket = $1 and starts_with(v.key, $2) and v.key > $3 "
                        + "and v.delete_marker and " + ALONE + " order by v.key limit $4")
                .bind(0, bucket).bind(1, prefix).bind(2, after).bind(3, limit)
                .map(row -> row.get(0, String.class)).all();
    }

    /**
     * Removes the version for good if it is still noncurrent and no legal hold or retention protects
     * it at {@code now}; its blob goes with its last reference. True if it was removed.
     */
    public Mono<Boolean> removeNoncurrent(String bucket, String key, String versionId, Instant now) {
        Mono<Optional<String>> work = refs.lockName(bucket, key)
                .then(db.sql("select v.seq, v.blob_sha256, v.headers from object_versions v "
                                + "where v.bucket = $1 and v.key = $2 and v.version_id = $3 "
                                + "and (exists (select 1 from objects o where o.bucket = v.bucket and o.key = v.key) "
                                + "or v.seq < (select max(w.seq) from object_versions w where w.bucket = v.bucket and w.key = v.key))")
                        .bind(0, bucket).bind(1, key).bind(2, versionId)
                        .map(row -> new Found(row.get(0, Long.class), Optional.ofNullable(row.get(1, String.class)),
                                ObjectLockHeaders.protects(JsonColumns.read(row.get(2)), now)))
                        .one())
                .filter(found -> !found.protectedByLock())
                .flatMap(found -> refs.lock(found.blobSha256().stream().toList())
                        .then(db.sql("delete from object_versions where seq = $1").bind(0, found.seq()).then())
                        .then(found.blobSha256().map(sha -> refs.release(sha).map(last -> last ? Optional.of(sha)
                                : Optional.<String>empty())).orElse(Mono.just(Optional.empty())))
                        .flatMap(orphan -> events.removed(bucket, key, versionId, CAUSE).thenReturn(orphan)));
        return tx.transactional(work)
                .flatMap(orphan -> refs.releasedAfterCommit(orphan.stream().toList()).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** Removes the key's delete marker if it is still the only version of the key; true if it was removed. */
    public Mono<Boolean> removeLoneDeleteMarker(String bucket, String key) {
        Mono<String> work = refs.lockName(bucket, key)
                .then(db.sql("delete from object_versions v where v.bucket = $1 and v.key = $2 and v.delete_marker and "
                                + ALONE + " returning v.version_id")
                        .bind(0, bucket).bind(1, key).map(row -> row.get(0, String.class)).one())
                .flatMap(versionId -> events.removed(bucket, key, versionId, CAUSE).thenReturn(versionId));
        return tx.transactional(work).map(removed -> true).defaultIfEmpty(false);
    }

    private record Found(long seq, Optional<String> blobSha256, boolean protectedByLock) {
    }
}
