package dev.mocks3.state.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.state.metadata.BucketRecord;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Buckets' configuration documents (CORS, policy, ACL, public access block, ownership, encryption, website,
 * logging, replication, ...), and those kept by id (analytics, metrics, inventory, intelligent tiering).
 * A bucket's documents go with it (the table's foreign key cascades).
 */
public final class BucketConfigurationStore {
    private final DatabaseClient db;

    public BucketConfigurationStore(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the document, replacing the bucket's earlier one of that kind; false when the bucket does not exist. */
    public Mono<Boolean> put(String bucket, BucketSetting setting, String document) {
        return put(bucket, setting.kind(), document);
    }

    public Mono<String> find(String bucket, BucketSetting setting) {
        return find(bucket, setting.kind());
    }

    public Mono<Void> delete(String bucket, BucketSetting setting) {
        return db.sql("delete from bucket_configurations where bucket = $1 and kind = $2")
                .bind(0, bucket).bind(1, setting.kind()).then();
    }

    /**
     * Stores one configuration of a kind a bucket keeps several of, by id (analytics, metrics, inventory,
     * intelligent tiering), replacing the one with that id; false when the bucket does not exist.
     */
    public Mono<Boolean> putEntry(String bucket, BucketSetting setting, String id, String document) {
        return put(bucket, entryKind(setting, id), document);
    }

    /**
     * As {@link #putEntry}, but a new id only while the bucket has fewer than {@code limit} of the kind (one
     * statement); false when refused or the bucket does not exist. Not serialized: two new ids sent at once
     * when the bucket holds {@code limit - 1} may both be stored.
     */
    public Mono<Boolean> putEntryWithin(String bucket, BucketSetting setting, String id, String document, int limit) {
        String prefix = entryKind(setting, "");
        return db.sql("insert into bucket_configurations (bucket, kind, document) select name, $2, $3 from buckets "
                        + "where name = $1 and (exists (select 1 from bucket_configurations where bucket = $1 and kind = $2) "
                        + "or (select count(*) from bucket_configurations where bucket = $1 and left(kind, $4) = $5) < $6) "
                        + "on conflict (bucket, kind) do update set document = excluded.document, updated_at = now()")
                .bind(0, bucket).bind(1, entryKind(setting, id)).bind(2, document).bind(3, prefix.length())
                .bind(4, prefix).bind(5, (long) limit)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<String> findEntry(String bucket, BucketSetting setting, String id) {
        return find(bucket, entryKind(setting, id));
    }

    /** True when there was a configuration with that id. */
    public Mono<Boolean> deleteEntry(String bucket, BucketSetting setting, String id) {
        return db.sql("delete from bucket_configurations where bucket = $1 and kind = $2")
                .bind(0, bucket).bind(1, entryKind(setting, id)).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** Up to {@code limit} configurations of the kind with ids after {@code afterId} ("" for the first), by id. */
    public Flux<Entry> entries(String bucket, BucketSetting setting, String afterId, int limit) {
        String prefix = entryKind(setting, "");
        return db.sql("select kind, document from bucket_configurations where bucket = $1 and left(kind, $2) = $3 "
                        + "and kind collate \"C\" > $4 order by kind collate \"C\" limit $5")
                .bind(0, bucket).bind(1, prefix.length()).bind(2, prefix).bind(3, prefix + afterId).bind(4, limit)
                .map(row -> new Entry(row.get(0, String.class).substring(prefix.length()), row.get(1, String.class)))
                .all();
    }

    /** A configuration kept by id. */
    public record Entry(String id, String document) {
    }

    private Mono<Boolean> put(String bucket, String kind, String document) {
        return db.sql("insert into bucket_configurations (bucket, kind, document) select name, $2, $3 from buckets where name = $1 "
                        + "on conflict (bucket, kind) do update set document = excluded.document, updated_at = now()")
                .bind(0, bucket).bind(1, kind).bind(2, document)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    private Mono<String> find(String bucket, String kind) {
        return db.sql("select document from bucket_configurations where bucket = $1 and kind = $2")
                .bind(0, bucket).bind(1, kind).map(row -> row.get(0, String.class)).one();
    }

    private static String entryKind(BucketSetting setting, String id) {
        return setting.kind() + ":" + id;
    }

    /** The documents of these kinds the bucket has (none of them: an empty map). */
    public Mono<Map<BucketSetting, String>> findAll(String bucket, Set<BucketSetting> settings) {
        return db.sql("select kind, document from bucket_configurations where bucket = $1 and kind = any($2)")
                .bind(0, bucket).bind(1, kinds(settings))
                .map(row -> Map.entry(BucketSetting.ofKind(row.get(0, String.class)), row.get(1, String.class)))
                .all().collectMap(Map.Entry::getKey, Map.Entry::getValue, () -> new EnumMap<>(BucketSetting.class))
                .map(found -> (Map<BucketSetting, String>) found);
    }

    /**
     * The bucket and its documents of these kinds in one query, for writes that need both (a PUT
     * applying the bucket's default encryption costs no extra round trip); empty when there is no bucket.
     */
    public Mono<BucketSettings> bucketWith(String bucket, Set<BucketSetting> settings) {
        return db.sql("select b.name, b.owner, b.region, b.created_at, c.kind, c.document from buckets b "
                        + "left join bucket_configurations c on c.bucket = b.name and c.kind = any($2) where b.name = $1")
                .bind(0, bucket).bind(1, kinds(settings))
                .map(row -> {
                    OffsetDateTime created = row.get("created_at", OffsetDateTime.class);
                    BucketRecord record = new BucketRecord(row.get("name", String.class), row.get("owner", String.class),
                            row.get("region", String.class), created == null ? Instant.EPOCH : created.toInstant());
                    String kind = row.get("kind", String.class);
                    return new Row(record, kind == null ? null : BucketSetting.ofKind(kind), row.get("document", String.class));
                })
                .all()
                .collectList()
                .filter(rows -> !rows.isEmpty())
                .map(rows -> {
                    Map<BucketSetting, String> documents = new EnumMap<>(BucketSetting.class);
                    rows.stream().filter(r -> r.setting() != null).forEach(r -> documents.put(r.setting(), r.document()));
                    return new BucketSettings(rows.get(0).bucket(), documents);
                });
    }

    private static String[] kinds(Set<BucketSetting> settings) {
        return settings.stream().map(BucketSetting::kind).toArray(String[]::new);
    }

    private record Row(BucketRecord bucket, BucketSetting setting, String document) {
    }
}
