package dev.mocks3.state.metadata;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Bucket rows. */
public final class BucketStore {
    private final DatabaseClient db;

    public BucketStore(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts the bucket; false when a bucket of that name already exists. */
    public Mono<Boolean> create(String name, String owner, String region) {
        return db.sql("insert into buckets (name, owner, region) values ($1, $2, $3) on conflict (name) do nothing")
                .bind(0, name).bind(1, owner == null ? "" : owner).bind(2, region)
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    public Mono<BucketRecord> find(String name) {
        return db.sql("select name, owner, region, created_at, versioning from buckets where name = $1")
                .bind(0, name).map(BucketStore::toRecord).one();
    }

    public Flux<BucketRecord> all() {
        return db.sql("select name, owner, region, created_at, versioning from buckets order by name")
                .map(BucketStore::toRecord).all();
    }

    /** Sets the bucket's versioning (Enabled or Suspended); false when there is no such bucket. */
    public Mono<Boolean> setVersioning(String name, Versioning versioning) {
        return db.sql("update buckets set versioning = $2 where name = $1").bind(0, name).bind(1, versioning.status())
                .fetch().rowsUpdated().map(count -> count == 1);
    }

    /** Deletes the bucket if it holds no object and no multipart upload; the result says which. */
    public Mono<DeleteOutcome> deleteIfEmpty(String name) {
        return db.sql("""
                        with gone as (
                          delete from buckets b where b.name = $1
                            and not exists (select 1 from objects o where o.bucket = b.name)
                            and not exists (select 1 from object_versions v where v.bucket = b.name)
                            and not exists (select 1 from multipart_uploads u where u.bucket = b.name)
                          returning name)
                        select (select count(*) from gone) as deleted,
                               (select count(*) from buckets where name = $1) as present
                        """)
                .bind(0, name)
                .map(row -> {
                    long deleted = row.get("deleted", Long.class);
                    long present = row.get("present", Long.class);
                    return deleted > 0 ? DeleteOutcome.DELETED : present > 0 ? DeleteOutcome.NOT_EMPTY : DeleteOutcome.MISSING;
                }).one();
    }

    public enum DeleteOutcome { DELETED, NOT_EMPTY, MISSING }

    private static BucketRecord toRecord(Readable row) {
        OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
        return new BucketRecord(row.get("name", String.class), row.get("owner", String.class),
                row.get("region", String.class), created == null ? Instant.EPOCH : created.toInstant(),
                Versioning.of(row.get("versioning", String.class)));
    }
}
