package dev.mocks3.state.config;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.state.metadata.BucketRecord;
import reactor.core.publisher.Mono;

/** Buckets' configuration documents (CORS, policy, ACL, public access block, ownership, encryption). */
public final class BucketConfigurationStore {
    private final DatabaseClient db;

    public BucketConfigurationStore(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the document, replacing the bucket's earlier one of that kind; false when the bucket does not exist. */
    public Mono<Boolean> put(String bucket, BucketSetting setting, String document) {
        return db.sql("insert into bucket_configurations (bucket, kind, document) select name, $2, $3 from buckets where name = $1 "
                        + "on conflict (bucket, kind) do update set document = excluded.document, updated_at = now()")
                .bind(0, bucket).bind(1, setting.kind()).bind(2, document)
                .fetch().rowsUpdated().map(n -> n > 0);
    }

    public Mono<String> find(String bucket, BucketSetting setting) {
        return db.sql("select document from bucket_configurations where bucket = $1 and kind = $2")
                .bind(0, bucket).bind(1, setting.kind()).map(row -> row.get(0, String.class)).one();
    }

    public Mono<Void> delete(String bucket, BucketSetting setting) {
        return db.sql("delete from bucket_configurations where bucket = $1 and kind = $2")
                .bind(0, bucket).bind(1, setting.kind()).then();
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
