package dev.mocks3.state.config;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/**
 * Changes one stored setting of an existing object (its ACL) without rewriting it: the settings
 * live among the object's stored headers, so writes that name none cost nothing extra.
 */
public final class ObjectSettingsStore {
    private final DatabaseClient db;

    public ObjectSettingsStore(DatabaseClient db) {
        this.db = db;
    }

    /** Sets the stored header {@code name} of the object; false when there is no such object. */
    public Mono<Boolean> setHeader(String bucket, String key, String name, String value) {
        return db.sql("update objects set headers = jsonb_set(headers, array[$3], to_jsonb($4::text)) "
                        + "where bucket = $1 and key = $2")
                .bind(0, bucket).bind(1, key).bind(2, name).bind(3, value)
                .fetch().rowsUpdated().map(n -> n > 0);
    }
}
