package dev.mocks3.state.notification;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.core.notification.NotificationConfiguration;
import dev.mocks3.events.EventJson;
import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;

/** Bucket notification configurations, one JSON document per bucket; none stored means the empty one. */
public final class NotificationStore {
    private final DatabaseClient db;

    public NotificationStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<NotificationConfiguration> find(String bucket) {
        return db.sql("select configuration from bucket_notifications where bucket = $1").bind(0, bucket)
                .map(row -> read(row.get(0, Json.class))).one()
                .defaultIfEmpty(NotificationConfiguration.EMPTY);
    }

    /**
     * Replaces the bucket's configuration; an empty one removes it, as S3 does. False when the bucket
     * does not exist (deleted since it was looked up), instead of a foreign-key error.
     */
    public Mono<Boolean> put(String bucket, NotificationConfiguration configuration) {
        if (configuration.rules().isEmpty()) {
            return db.sql("delete from bucket_notifications where bucket = $1").bind(0, bucket).then().thenReturn(true);
        }
        return db.sql("insert into bucket_notifications (bucket, configuration) select name, $2 from buckets where name = $1 "
                        + "on conflict (bucket) do update set configuration = excluded.configuration, updated_at = now()")
                .bind(0, bucket).bind(1, Json.of(EventJson.bytes(configuration)))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    private static NotificationConfiguration read(Json json) {
        try {
            return EventJson.MAPPER.readValue(json.asArray(), NotificationConfiguration.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
