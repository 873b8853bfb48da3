package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

import dev.mocks3.core.notification.S3EventNames;
import dev.mocks3.state.notification.ChangeCause;
import dev.mocks3.state.notification.ObjectEvents;
import reactor.core.publisher.Mono;

/**
 * Lifecycle transitions: a version's storage class changes in place (its bytes, ETag and
 * Last-Modified stay). Each change is one statement that holds only while the version is as it was
 * found (same class, and for a current object not written since), so it needs no lock; the bucket's
 * notification configuration hears of it ({@code s3:LifecycleTransition}) in the same transaction.
 */
public final class StorageClassChanges {
    private static final ChangeCause CAUSE = ChangeCause.internal(S3EventNames.LIFECYCLE_TRANSITION);
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ObjectEvents events;

    public StorageClassChanges(DatabaseClient db, TransactionalOperator tx, ObjectEvents events) {
        this.db = db;
        this.tx = tx;
        this.events = events;
    }

    /** Moves the current object to {@code target} if it is still of class {@code seen} and last modified by {@code cutoff}. */
    public Mono<Boolean> current(ObjectRecord object, Instant cutoff, String target) {
        return tx.transactional(db.sql("update objects set storage_class = $5 where bucket = $1 and key = $2 "
                                + "and last_modified <= $3 and storage_class = $4")
                        .bind(0, object.bucket()).bind(1, object.key()).bind(2, cutoff.atOffset(ZoneOffset.UTC))
                        .bind(3, object.storageClass()).bind(4, target)
                        .fetch().rowsUpdated()
                        .flatMap(n -> n > 0 ? events.changed(object, CAUSE).thenReturn(true) : Mono.just(false)));
    }

    /** Moves the noncurrent {@code version} of a key of {@code bucket} to {@code target} if it is still of its class. */
    public Mono<Boolean> noncurrent(String bucket, NoncurrentVersion version, String target) {
        return tx.transactional(db.sql("update object_versions set storage_class = $3 where seq = $1 "
                                + "and storage_class = $2 returning etag, owner")
                        .bind(0, version.seq()).bind(1, version.storageClass()).bind(2, target)
                        .map(row -> new String[] {row.get("etag", String.class), row.get("owner", String.class)})
                        .one()
                        .flatMap(moved -> events.changed(bucket, version.key(), moved[1], version.size(), moved[0],
                                version.versionId(), CAUSE).thenReturn(true)))
                .defaultIfEmpty(false);
    }
}
