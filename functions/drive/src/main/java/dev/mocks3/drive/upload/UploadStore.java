package dev.mocks3.drive.upload;

import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.drive.http.DriveError;
import dev.mocks3.drive.http.OnConflict;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code drive_uploads} rows: one per presigned upload until its callback or its expiry. */
public final class UploadStore {
    private static final String COLUMNS = "id, user_id, parent_id, name, size, sha256, s3_key, multipart_id, part_size, "
            + "part_count, on_conflict, created_at";
    private final DatabaseClient db;

    public UploadStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Upload> create(Upload u) {
        var spec = db.sql("insert into drive_uploads (" + COLUMNS + ") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now()) "
                        + "returning " + COLUMNS)
                .bind(0, u.id()).bind(1, u.userId()).bind(2, u.parentId()).bind(3, u.name()).bind(4, u.size())
                .bind(5, u.sha256()).bind(6, u.s3Key()).bind(8, u.partSize()).bind(9, u.partCount())
                .bind(10, u.onConflict().name().toLowerCase(java.util.Locale.ROOT));
        spec = u.multipartId() == null ? spec.bindNull(7, String.class) : spec.bind(7, u.multipartId());
        return spec.map(UploadStore::toUpload).one();
    }

    /** The caller's upload, or 300008 (someone else's upload id is as unknown as a made-up one). */
    public Mono<Upload> of(long user, String id) {
        return db.sql("select " + COLUMNS + " from drive_uploads where id = $1 and user_id = $2").bind(0, id).bind(1, user)
                .map(UploadStore::toUpload).one()
                .switchIfEmpty(Mono.error(DriveError.UPLOAD_NOT_FOUND::exception));
    }

    /** Removes the caller's upload; false when it was already gone (another callback or the sweep took it). */
    public Mono<Boolean> claim(long user, String id) {
        return db.sql("delete from drive_uploads where id = $1 and user_id = $2").bind(0, id).bind(1, user)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Removes and returns the uploads older than {@code age}: each is returned to one sweeper only. */
    public Flux<Upload> takeOlderThan(Duration age) {
        return db.sql("delete from drive_uploads where created_at < now() - make_interval(secs => $1) returning " + COLUMNS)
                .bind(0, age.toMillis() / 1000.0).map(UploadStore::toUpload).all();
    }

    private static Upload toUpload(Readable row) {
        return new Upload(row.get("id", String.class), row.get("user_id", Long.class), row.get("parent_id", Long.class),
                row.get("name", String.class), row.get("size", Long.class), row.get("sha256", String.class),
                row.get("s3_key", String.class), row.get("multipart_id", String.class), row.get("part_size", Long.class),
                row.get("part_count", Integer.class),
                "rename".equals(row.get("on_conflict", String.class)) ? OnConflict.RENAME : OnConflict.ERROR,
                row.get("created_at", OffsetDateTime.class));
    }
}
