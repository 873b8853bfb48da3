package dev.mocks3.state.metadata;

import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import reactor.core.publisher.Mono;

/**
 * Rewrites one column of one version of an object (its tags, or its stored headers) under the key's
 * lock, so a concurrent write that moves the version between current and non-current cannot lose the
 * change, and a check of the old value against the new one cannot race another.
 */
final class VersionChange {
    /** The jsonb columns a change rewrites, with the value of each in a record. */
    enum Column {
        TAGS("tags", ObjectRecord::tags),
        HEADERS("headers", ObjectRecord::headers);

        private final String name;
        private final Function<ObjectRecord, Map<String, String>> value;

        Column(String name, Function<ObjectRecord, Map<String, String>> value) {
            this.name = name;
            this.value = value;
        }
    }

    private final DatabaseClient db;
    private final ObjectStore objects;
    private final ObjectVersions versions;
    private final BlobReferences refs;
    private final TransactionalOperator tx;

    VersionChange(DatabaseClient db, ObjectStore objects, ObjectVersions versions, BlobReferences refs,
                  TransactionalOperator tx) {
        this.db = db;
        this.objects = objects;
        this.versions = versions;
        this.refs = refs;
        this.tx = tx;
    }

    /**
     * Stores {@code column} of what {@code change} makes of the version ({@code versionId} null: the
     * current object); {@code change} may throw the S3 error that refuses it; {@code announce} then runs in the
     * same transaction with the changed version (its notification). The version as it now is, a delete marker
     * untouched, or empty when there is no such version.
     */
    Mono<ObjectVersion> apply(String bucket, String key, String versionId, Column column, UnaryOperator<ObjectRecord> change,
                              Function<ObjectRecord, Mono<Void>> announce) {
        Mono<ObjectVersion> work = LockedVersion.find(refs, objects, versions, bucket, key, versionId).flatMap(found -> {
            if (found.deleteMarker()) {
                return Mono.just(found);
            }
            ObjectRecord changed = change.apply(found.object());
            String table = found.seq() == ObjectVersion.CURRENT ? "objects" : "object_versions";
            return db.sql("update " + table + " set " + column.name + " = $4 where bucket = $1 and key = $2 "
                            + "and coalesce(version_id, 'null') = $3")
                    .bind(0, bucket).bind(1, key).bind(2, changed.versionIdOrNull())
                    .bind(3, JsonColumns.write(column.value.apply(changed)))
                    .then()
                    .then(Mono.defer(() -> announce.apply(changed)))
                    .thenReturn(new ObjectVersion(changed, false, found.latest(), found.seq()));
        });
        return tx.transactional(work);
    }
}
