package dev.mocks3.state.upstream;

import java.io.IOException;

import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;

/** Buckets' upstreams ({@code bucket_upstreams}, migration V6). */
public final class UpstreamStore {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final DatabaseClient db;

    public UpstreamStore(DatabaseClient db) {
        this.db = db;
    }

    /** Sets the bucket's upstream; false when the bucket does not exist. */
    public Mono<Boolean> put(String bucket, Upstream upstream) {
        return Mono.fromCallable(() -> Json.of(JSON.writeValueAsBytes(upstream)))
                .flatMap(json -> db.sql("insert into bucket_upstreams (bucket, upstream) select name, $2 from buckets "
                                + "where name = $1 on conflict (bucket) do update set upstream = excluded.upstream, updated_at = now()")
                        .bind(0, bucket).bind(1, json).fetch().rowsUpdated())
                .map(n -> n > 0);
    }

    public Mono<Upstream> find(String bucket) {
        return db.sql("select upstream from bucket_upstreams where bucket = $1").bind(0, bucket)
                .map(row -> read(row.get(0, Json.class))).one();
    }

    /** Removes the bucket's upstream; false when it had none. */
    public Mono<Boolean> delete(String bucket) {
        return db.sql("delete from bucket_upstreams where bucket = $1").bind(0, bucket).fetch().rowsUpdated().map(n -> n > 0);
    }

    static Upstream read(Json json) {
        try {
            return JSON.readValue(json.asArray(), Upstream.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable upstream: " + json.asString(), e);
        }
    }
}
