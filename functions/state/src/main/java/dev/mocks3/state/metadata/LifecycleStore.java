package dev.mocks3.state.metadata;

import java.nio.charset.StandardCharsets;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Buckets' lifecycle configuration documents, as the client sent them. */
public final class LifecycleStore {
    private final DatabaseClient db;

    public LifecycleStore(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the document, replacing the bucket's earlier one; false when the bucket does not exist. */
    public Mono<Boolean> put(String bucket, byte[] document) {
        return db.sql("insert into bucket_lifecycle (bucket, document) select name, $2 from buckets where name = $1 "
                        + "on conflict (bucket) do update set document = excluded.document, updated_at = now()")
                .bind(0, bucket).bind(1, new String(document, StandardCharsets.UTF_8))
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<byte[]> find(String bucket) {
        return db.sql("select document from bucket_lifecycle where bucket = $1").bind(0, bucket)
                .map(row -> row.get(0, String.class).getBytes(StandardCharsets.UTF_8)).one();
    }

    public Mono<Void> delete(String bucket) {
        return db.sql("delete from bucket_lifecycle where bucket = $1").bind(0, bucket).then();
    }

    /** The buckets that have a lifecycle configuration. */
    public Flux<String> buckets() {
        return db.sql("select bucket from bucket_lifecycle order by bucket").map(row -> row.get(0, String.class)).all();
    }
}
