package dev.mocks3.state.metadata;

import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Changes the stored headers of one version of an object (its Object Lock retention and legal hold, its restore)
 * under the key's lock, so a concurrent write that moves the version between current and non-current
 * cannot lose the change, and a check of the old value against the new one cannot race another.
 */
public final class VersionHeaders {
    private final DatabaseClient db;
    private final ObjectStore objects;
    private final ObjectVersions versions;
    private final BlobReferences refs;
    private final TransactionalOperator tx;

    public VersionHeaders(DatabaseClient db, ObjectStore objects, ObjectVersions versions, BlobReferences refs,
                          TransactionalOperator tx) {
        this.db = db;
        this.objects = objects;
        this.versions = versions;
        this.refs = refs;
        this.tx = tx;
    }

    /**
     * Replaces the version's stored headers ({@code versionId} null: the current object) with what
     * {@code change} makes of them; {@code change} may throw the S3 error that refuses the change. The
     * version as it now is, a delete marker untouched, or empty when there is no such version.
     */
    public Mono<ObjectVersion> change(String bucket, String key, String versionId,
                                      UnaryOperator<Map<String, String>> change) {
        return changeOf(bucket, key, versionId, object -> change.apply(object.headers()));
    }

    /** As {@link #change(String, String, String, UnaryOperator)}, where the new headers may depend on the whole version. */
    public Mono<ObjectVersion> changeOf(String bucket, String key, String versionId,
                                        Function<ObjectRecord, Map<String, String>> change) {
        Mono<ObjectVersion> work = LockedVersion.find(refs, objects, versions, bucket, key, versionId).flatMap(found -> {
            if (found.deleteMarker()) {
                return Mono.just(found);
            }
            ObjectRecord o = found.object();
            Map<String, String> headers = change.apply(o);
            String table = found.seq() == ObjectVersion.CURRENT ? "objects" : "object_versions";
            ObjectRecord changed = new ObjectRecord(o.bucket(), o.key(), o.blobSha256(), o.size(), o.etag(),
                    o.lastModified(), o.contentType(), headers, o.userMetadata(), o.storageClass(), o.owner(),
                    o.checksums(), o.versionId(), o.tags());
            return db.sql("update " + table + " set headers = $4 where bucket = $1 and key = $2 "
                            + "and coalesce(version_id, 'null') = $3")
                    .bind(0, bucket).bind(1, key).bind(2, o.versionIdOrNull()).bind(3, JsonColumns.write(headers))
                    .then()
                    .thenReturn(new ObjectVersion(changed, false, found.latest(), found.seq()));
        });
        return tx.transactional(work);
    }
}
