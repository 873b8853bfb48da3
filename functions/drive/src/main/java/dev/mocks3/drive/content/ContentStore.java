package dev.mocks3.drive.content;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contents, stored once per SHA-256, with the number of files (of every user, trash included)
 * that refer to them. Rows are always locked in SHA-256 order, so two transactions touching
 * several contents cannot deadlock; callers lock contents before the user's quota row.
 */
public final class ContentStore {
    private final DatabaseClient db;

    public ContentStore(DatabaseClient db) {
        this.db = db;
    }

    /** One more reference to a known content of that size; false when there is no such content. */
    public Mono<Boolean> retainIfPresent(String sha256, long size) {
        return db.sql("update drive_contents set refs = refs + 1 where sha256 = $1 and size = $2")
                .bind(0, sha256).bind(1, size).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Whether a content is known (a presign's hint that instant upload would do). */
    public Mono<Boolean> exists(String sha256, long size) {
        return db.sql("select exists (select 1 from drive_contents where sha256 = $1 and size = $2)")
                .bind(0, sha256).bind(1, size).map(row -> row.get(0, Boolean.class)).one();
    }

    /** Where a content's bytes are in the bucket; 300001 when the content is unknown. */
    public Mono<String> keyOf(String sha256) {
        return db.sql("select s3_key from drive_contents where sha256 = $1").bind(0, sha256)
                .map(row -> row.get(0, String.class)).one()
                .switchIfEmpty(Mono.error(dev.mocks3.drive.http.DriveError.NOT_FOUND::exception));
    }

    /** The bucket keys of several contents, by SHA-256. */
    public Mono<Map<String, String>> keysOf(java.util.Collection<String> sha256s) {
        return db.sql("select sha256, s3_key from drive_contents where sha256 = any($1)")
                .bind(0, sha256s.toArray(String[]::new))
                .map(row -> Map.entry(row.get(0, String.class), row.get(1, String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    /** More references to contents that files already refer to (a copy). */
    public Mono<Void> retain(Map<String, Long> countsBySha) {
        return Flux.fromIterable(new TreeMap<>(countsBySha).entrySet())
                .concatMap(e -> db.sql("update drive_contents set refs = refs + $2 where sha256 = $1")
                        .bind(0, e.getKey()).bind(1, e.getValue()).fetch().rowsUpdated())
                .then();
    }

    /**
     * Records freshly uploaded bytes at {@code s3Key} with one reference; when the content was
     * already there (another upload finished first) it gains a reference instead. Returns the key
     * that holds the content from now on: a different one means {@code s3Key} is a spare copy.
     */
    public Mono<String> register(String sha256, long size, String s3Key) {
        return db.sql("insert into drive_contents (sha256, size, s3_key, refs) values ($1, $2, $3, 1) "
                        + "on conflict (sha256) do update set refs = drive_contents.refs + 1 returning s3_key")
                .bind(0, sha256).bind(1, size).bind(2, s3Key).map(row -> row.get(0, String.class)).one();
    }

    /** Drops references; returns the S3 keys of contents nothing refers to any more (their rows are gone). */
    public Flux<String> release(Map<String, Long> countsBySha) {
        return Flux.fromIterable(new TreeMap<>(countsBySha).entrySet())
                .concatMap(e -> db.sql("update drive_contents set refs = refs - $2 where sha256 = $1 returning refs")
                        .bind(0, e.getKey()).bind(1, e.getValue()).map(row -> row.get(0, Long.class)).one()
                        .filter(refs -> refs == 0)
                        .flatMap(zero -> db.sql("delete from drive_contents where sha256 = $1 and refs = 0 returning s3_key")
                                .bind(0, e.getKey()).map(row -> row.get(0, String.class)).one()));
    }
}
