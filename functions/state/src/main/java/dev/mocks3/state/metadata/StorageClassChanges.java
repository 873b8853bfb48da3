package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Lifecycle transitions: a version's storage class changes in place (its bytes, ETag and
 * Last-Modified stay). Each change is one statement that holds only while the version is as it was
 * found (same class, and for a current object not written since), so it needs no lock.
 */
public final class StorageClassChanges {
    private final DatabaseClient db;

    public StorageClassChanges(DatabaseClient db) {
        this.db = db;
    }

    /** Moves the current object to {@code target} if it is still of class {@code seen} and last modified by {@code cutoff}. */
    public Mono<Boolean> current(String bucket, String key, Instant cutoff, String seen, String target) {
        return db.sql("update objects set storage_class = $5 where bucket = $1 and key = $2 and last_modified <= $3 "
                        + "and storage_class = $4")
                .bind(0, bucket).bind(1, key).bind(2, cutoff.atOffset(ZoneOffset.UTC)).bind(3, seen).bind(4, target)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Moves the noncurrent version (row {@code seq}) to {@code target} if it is still of class {@code seen}. */
    public Mono<Boolean> noncurrent(long seq, String seen, String target) {
        return db.sql("update object_versions set storage_class = $3 where seq = $1 and storage_class = $2")
                .bind(0, seq).bind(1, seen).bind(2, target)
                .fetch().rowsUpdated().map(n -> n > 0);
    }
}
