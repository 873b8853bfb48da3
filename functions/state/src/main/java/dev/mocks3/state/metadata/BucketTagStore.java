package dev.mocks3.state.metadata;

import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Mono;

/** A bucket's tag set (PutBucketTagging); it goes with its bucket. */
public final class BucketTagStore {
    private final DatabaseClient db;

    public BucketTagStore(DatabaseClient db) {
        this.db = db;
    }

    /** Replaces the bucket's tags; false when the bucket no longer exists. */
    public Mono<Boolean> put(String bucket, Map<String, String> tags) {
        return db.sql("insert into bucket_tags (bucket, tags) select name, $2 from buckets where name = $1 "
                        + "on conflict (bucket) do update set tags = excluded.tags, updated_at = now()")
                .bind(0, bucket).bind(1, JsonColumns.write(tags)).fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<Map<String, String>> find(String bucket) {
        return db.sql("select tags from bucket_tags where bucket = $1").bind(0, bucket)
                .map(row -> JsonColumns.read(row.get("tags"))).one();
    }

    public Mono<Void> delete(String bucket) {
        return db.sql("delete from bucket_tags where bucket = $1").bind(0, bucket).then();
    }
}
