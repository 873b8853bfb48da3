package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.state.blob.SmallBody;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Object metadata rows. Changes that touch blob references go through {@link ObjectWriter}. */
public final class ObjectStore {
    static final String COLUMNS = "bucket, key, blob_sha256, size, etag, last_modified, content_type, headers, "
            + "user_metadata, storage_class, owner, checksums, version_id, tags";
    private final DatabaseClient db;

    public ObjectStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<ObjectRecord> find(String bucket, String key) {
        return db.sql("select " + COLUMNS + " from objects where bucket = $1 and key = $2")
                .bind(0, bucket).bind(1, key).map(ObjectStore::toRecord).one();
    }

    /**
     * As {@link #find}, for a read of the object's bytes: a small object's bytes come with it when they are
     * kept in its blob's row (one index probe of {@code blobs} more, only for objects that can be that small).
     */
    public Mono<ObjectRecord> findWithContent(String bucket, String key) {
        return db.sql("select " + COLUMNS + ", case when size <= " + SmallBody.MAX_BYTES + " then (select b.content "
                        + "from blobs b where b.sha256 = objects.blob_sha256) end as content "
                        + "from objects where bucket = $1 and key = $2")
                .bind(0, bucket).bind(1, key).map(row -> toRecord(row).withContent(row.get("content", byte[].class)))
                .one();
    }

    /** Up to {@code limit} objects whose key starts with {@code prefix} and sorts after {@code after}. */
    public Flux<ObjectRecord> page(String bucket, String prefix, String after, int limit) {
        return db.sql("select " + COLUMNS + " from objects where bucket = $1 and key >= $2 and key > $3 "
                        + "and starts_with(key, $2) order by key limit $4")
                .bind(0, bucket).bind(1, prefix).bind(2, after == null ? "" : after).bind(3, limit)
                .map(ObjectStore::toRecord).all();
    }

    /**
     * Up to {@code limit} objects whose key starts with {@code prefix} and sorts after {@code after},
     * last modified at or before {@code cutoff} (lifecycle expiry).
     */
    public Flux<ObjectRecord> modifiedBy(String bucket, String prefix, Instant cutoff, String after, int limit) {
        return db.sql("select " + COLUMNS + " from objects where bucket = $1 and starts_with(key, $2) and key > $3 "
                        + "and last_modified <= $4 order by key limit $5")
                .bind(0, bucket).bind(1, prefix).bind(2, after).bind(3, cutoff.atOffset(ZoneOffset.UTC)).bind(4, limit)
                .map(ObjectStore::toRecord).all();
    }

    /**
     * The bucket's versioning and the row a writer is about to replace, in one round trip; the caller
     * holds the key's lock. Empty when the bucket does not exist.
     */
    Mono<KeyState> state(String bucket, String key) {
        return db.sql("select b.versioning, o.blob_sha256, o.etag, o.last_modified, o.version_id from buckets b "
                        + "left join objects o on o.bucket = b.name and o.key = $2 where b.name = $1")
                .bind(0, bucket).bind(1, key)
                .map(row -> {
                    OffsetDateTime modified = row.get(3, OffsetDateTime.class);
                    Optional<CurrentObject> current = row.get(1, String.class) == null ? Optional.empty()
                            : Optional.of(new CurrentObject(row.get(1, String.class), row.get(2, String.class),
                                    modified.toInstant(), row.get(4, String.class)));
                    return new KeyState(Versioning.of(row.get(0, String.class)), current);
                }).one();
    }

    /**
     * What {@link #writeIfUnversioned} did: the key as the writer found it under its lock, and, when
     * the bucket is unversioned, that the row is written, whether the replaced blob lost its last
     * reference and whether the bucket sends notifications. {@code state} is null when there is no bucket.
     */
    record UnversionedWrite(KeyState state, boolean written, boolean releasedLast, boolean notifies) {
    }

    /**
     * In one round trip (V11's write_unversioned_object): locks the key and reads the row it
     * replaces; in an unversioned bucket also locks both blobs, writes {@code o} (version id null),
     * references its blob and releases the replaced one. The caller's transaction keeps the locks.
     */
    Mono<UnversionedWrite> writeIfUnversioned(ObjectRecord o, BlobReferences.NameLock lock) {
        var spec = bindCall(db.sql("select * from write_unversioned_object($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
                        + "$12, $13, $14, $15, $16)"), o, lock, null);
        return spec.map(row -> {
            if (!row.get("bucket_found", Boolean.class)) {
                return new UnversionedWrite(null, false, false, false);
            }
            String previous = row.get("previous_sha256", String.class);
            Optional<CurrentObject> current = previous == null ? Optional.empty()
                    : Optional.of(new CurrentObject(previous, row.get("previous_etag", String.class),
                            Instant.ofEpochMilli(row.get("previous_modified_millis", Long.class)),
                            row.get("previous_version_id", String.class)));
            return new UnversionedWrite(new KeyState(Versioning.of(row.get("versioning", String.class)), current),
                    row.get("written", Boolean.class), row.get("released_last", Boolean.class),
                    row.get("notifies", Boolean.class));
        }).one();
    }

    /**
     * What {@link #writeAloneIfUnversioned} did: whether the row is written (false: nothing changed, the
     * caller writes in a transaction), and the replaced blob if that write dropped its last reference.
     */
    record AloneWrite(boolean written, String releasedLast) {
    }

    /**
     * As {@link #writeIfUnversioned}, as one autocommit statement of its own (V20's
     * write_unversioned_object_alone) for a blob published already: it writes nothing in a versioned
     * bucket, a missing one or one that sends notifications.
     */
    Mono<AloneWrite> writeAloneIfUnversioned(ObjectRecord o, BlobReferences.NameLock lock, byte[] content) {
        return bindCall(db.sql("select * from write_unversioned_object_alone($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
                        + "$11, $12, $13, $14, $15, $16)"), o, lock, content)
                .map(row -> new AloneWrite(row.get("written", Boolean.class),
                        row.get("released_last", Boolean.class) ? row.get("previous_sha256", String.class) : null))
                .one();
    }

    /** Binds V21's writing functions' arguments; {@code content} null: the blob's bytes are in the blob store. */
    private static DatabaseClient.GenericExecuteSpec bindCall(DatabaseClient.GenericExecuteSpec spec, ObjectRecord o,
                                                              BlobReferences.NameLock lock, byte[] content) {
        spec = content == null ? spec.bindNull(15, byte[].class) : spec.bind(15, content);
        return spec.bind(0, lock.high()).bind(1, lock.low())
                .bind(2, o.bucket()).bind(3, o.key()).bind(4, o.blobSha256()).bind(5, o.size()).bind(6, o.etag())
                .bind(7, o.lastModified().atOffset(ZoneOffset.UTC))
                .bind(8, o.contentType() == null ? "application/octet-stream" : o.contentType())
                .bind(9, JsonColumns.write(o.headers())).bind(10, JsonColumns.write(o.userMetadata()))
                .bind(11, o.storageClass()).bind(12, o.owner() == null ? "" : o.owner())
                .bind(13, JsonColumns.write(o.checksums())).bind(14, JsonColumns.write(o.tags()));
    }

    /**
     * Writes the row, references its blob and releases {@code previous} (the replaced row's blob, or
     * null) in one statement; true when that was the previous blob's last reference.
     */
    Mono<Boolean> replace(ObjectRecord o, String previous) {
        boolean sameBlob = o.blobSha256().equals(previous);
        String ctes = "with upserted as (" + UPSERT + ")"
                + (sameBlob ? "" : ", " + BlobReferences.retainCte(3, 4))
                + (previous == null || sameBlob ? "" : ", " + BlobReferences.releaseCte(15));
        String main = previous == null || sameBlob ? " select 0::bigint" : " select count(*) from released";
        var spec = bindRow(db.sql(ctes + main), o);
        if (previous != null && !sameBlob) {
            spec = spec.bind(14, previous);
        }
        return spec.map(row -> row.get(0, Long.class)).one().map(gone -> gone > 0);
    }

    private static final String UPSERT = "insert into objects (" + COLUMNS + ") "
            + "values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
            + "on conflict (bucket, key) do update set blob_sha256 = excluded.blob_sha256, size = excluded.size, "
            + "etag = excluded.etag, last_modified = excluded.last_modified, content_type = excluded.content_type, "
            + "headers = excluded.headers, user_metadata = excluded.user_metadata, "
            + "storage_class = excluded.storage_class, owner = excluded.owner, checksums = excluded.checksums, "
            + "version_id = excluded.version_id, tags = excluded.tags";

    private static DatabaseClient.GenericExecuteSpec bindRow(DatabaseClient.GenericExecuteSpec spec, ObjectRecord o) {
        spec = spec.bind(0, o.bucket()).bind(1, o.key()).bind(2, o.blobSha256()).bind(3, o.size()).bind(4, o.etag())
                .bind(5, o.lastModified().atOffset(ZoneOffset.UTC))
                .bind(6, o.contentType() == null ? "application/octet-stream" : o.contentType())
                .bind(7, JsonColumns.write(o.headers())).bind(8, JsonColumns.write(o.userMetadata()))
                .bind(9, o.storageClass()).bind(10, o.owner() == null ? "" : o.owner())
                .bind(11, JsonColumns.write(o.checksums()));
        spec = o.versionId() == null ? spec.bindNull(12, String.class) : spec.bind(12, o.versionId());
        return spec.bind(13, JsonColumns.write(o.tags()));
    }

    Mono<Boolean> deleteRow(String bucket, String key) {
        return db.sql("delete from objects where bucket = $1 and key = $2").bind(0, bucket).bind(1, key)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    static ObjectRecord toRecord(Readable row) {
        OffsetDateTime modified = row.get("last_modified", OffsetDateTime.class);
        return new ObjectRecord(row.get("bucket", String.class), row.get("key", String.class),
                row.get("blob_sha256", String.class), row.get("size", Long.class), row.get("etag", String.class),
                modified == null ? Instant.EPOCH : modified.toInstant(), row.get("content_type", String.class),
                JsonColumns.read(row.get("headers")), JsonColumns.read(row.get("user_metadata")),
                row.get("storage_class", String.class), row.get("owner", String.class),
                JsonColumns.read(row.get("checksums")), row.get("version_id", String.class),
                JsonColumns.read(row.get("tags")));
    }

    static List<String> nonNull(String... values) {
        return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toList();
    }
}
