package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The versions of keys that are not the current object: older versions and delete markers (the
 * object_versions table). Moves between it and objects keep the row's blob reference, so they
 * change no reference count. Changes go through {@link ObjectWriter}, under the key's lock.
 */
public final class ObjectVersions {
    private static final String STORED = "bucket, key, blob_sha256, size, etag, last_modified, content_type, headers, "
            + "user_metadata, storage_class, owner, checksums, tags";
    /** A version row read as an object row: the null version's id reads as null. */
    private static final String AS_RECORD = "bucket, key, blob_sha256, size, etag, last_modified, content_type, headers, "
            + "user_metadata, storage_class, owner, checksums, nullif(version_id, 'null') as version_id, tags";
    private static final String IS_LATEST = "(not exists (select 1 from objects o where o.bucket = v.bucket and o.key = v.key) "
            + "and v.seq = (select max(w.seq) from object_versions w where w.bucket = v.bucket and w.key = v.key)) as latest";
    private final DatabaseClient db;

    public ObjectVersions(DatabaseClient db) {
        this.db = db;
    }

    /** The version of the key with this id ({@code null}: the null version), current or not. */
    public Mono<ObjectVersion> find(String bucket, String key, String versionId) {
        return db.sql("select " + ObjectStore.COLUMNS + ", false as delete_marker, true as latest, "
                        + ObjectVersion.CURRENT + "::bigint as seq from objects "
                        + "where bucket = $1 and key = $2 and coalesce(version_id, 'null') = $3 "
                        + "union all select " + AS_RECORD + ", delete_marker, " + IS_LATEST + ", seq "
                        + "from object_versions v where bucket = $1 and key = $2 and version_id = $3 limit 1")
                .bind(0, bucket).bind(1, key).bind(2, versionId).map(ObjectVersions::toVersion).one();
    }

    /** The newest of the key's non-current versions: a delete marker when the key has no current object. */
    public Mono<ObjectVersion> newestNoncurrent(String bucket, String key) {
        return db.sql("select " + AS_RECORD + ", delete_marker, " + IS_LATEST + ", seq from object_versions v "
                        + "where bucket = $1 and key = $2 order by seq desc limit 1")
                .bind(0, bucket).bind(1, key).map(ObjectVersions::toVersion).one();
    }

    /**
     * Up to {@code limit} versions of keys starting with {@code prefix}, by key and then newest first,
     * after the version ({@code afterKey}, {@code afterSeq}); {@code Long.MIN_VALUE} for afterSeq
     * starts after every version of afterKey.
     */
    public Flux<ObjectVersion> page(String bucket, String prefix, String afterKey, long afterSeq, int limit) {
        return db.sql("select * from (select " + ObjectStore.COLUMNS + ", false as delete_marker, true as latest, "
                        + ObjectVersion.CURRENT + "::bigint as seq from objects "
                        + "where bucket = $1 and key >= $2 and starts_with(key, $2) and key >= $3 "
                        + "union all select " + AS_RECORD + ", delete_marker, " + IS_LATEST + ", seq "
                        + "from object_versions v where bucket = $1 and key >= $2 and starts_with(key, $2) and key >= $3) versions "
                        + "where key > $3 or seq < $4 order by key, seq desc limit $5")
                .bind(0, bucket).bind(1, prefix).bind(2, afterKey).bind(3, afterSeq).bind(4, limit)
                .map(ObjectVersions::toVersion).all();
    }

    /** Makes the current object the newest non-current version (its reference moves with it). */
    Mono<Void> demoteCurrent(String bucket, String key) {
        return db.sql("with moved as (delete from objects where bucket = $1 and key = $2 returning *) "
                        + "insert into object_versions (" + STORED + ", version_id) "
                        + "select " + STORED + ", coalesce(version_id, 'null') from moved")
                .bind(0, bucket).bind(1, key).then();
    }

    /** When the newest non-current version is an object (not a delete marker), makes it the current one. */
    Mono<Void> promoteNewest(String bucket, String key) {
        return db.sql("with top as (select seq, delete_marker from object_versions where bucket = $1 and key = $2 "
                        + "order by seq desc limit 1), "
                        + "moved as (delete from object_versions v using top where v.seq = top.seq and not top.delete_marker "
                        + "returning v.*) "
                        + "insert into objects (" + STORED + ", version_id) select " + STORED
                        + ", nullif(version_id, 'null') from moved")
                .bind(0, bucket).bind(1, key).then();
    }

    /** A non-current version by id: its row number and blob (empty blob for a delete marker). */
    Mono<Noncurrent> noncurrent(String bucket, String key, String versionId) {
        return db.sql("select seq, blob_sha256, delete_marker from object_versions "
                        + "where bucket = $1 and key = $2 and version_id = $3")
                .bind(0, bucket).bind(1, key).bind(2, versionId)
                .map(row -> new Noncurrent(row.get(0, Long.class), Optional.ofNullable(row.get(1, String.class)),
                        Boolean.TRUE.equals(row.get(2, Boolean.class))))
                .one();
    }

    record Noncurrent(long seq, Optional<String> blobSha256, boolean deleteMarker) {
    }

    Mono<Void> deleteRow(long seq) {
        return db.sql("delete from object_versions where seq = $1").bind(0, seq).then();
    }

    Mono<Void> addDeleteMarker(String bucket, String key, String versionId, String owner, Instant time) {
        return db.sql("insert into object_versions (bucket, key, version_id, delete_marker, last_modified, owner) "
                        + "values ($1, $2, $3, true, $4, $5)")
                .bind(0, bucket).bind(1, key).bind(2, versionId).bind(3, time.atOffset(ZoneOffset.UTC))
                .bind(4, owner == null ? "" : owner).then();
    }

    private static ObjectVersion toVersion(Readable row) {
        return new ObjectVersion(ObjectStore.toRecord(row), Boolean.TRUE.equals(row.get("delete_marker", Boolean.class)),
                Boolean.TRUE.equals(row.get("latest", Boolean.class)), row.get("seq", Long.class));
    }
}
