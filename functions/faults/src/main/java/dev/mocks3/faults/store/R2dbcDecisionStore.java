package dev.mocks3.faults.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.r2dbc.core.DatabaseClient;

import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Statement;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recordings in {@code fault_recordings} and {@code fault_decisions} (migration V101); decisions written in batches. */
public final class R2dbcDecisionStore implements DecisionStore {
    private final DatabaseClient db;

    public R2dbcDecisionStore(DatabaseClient db) {
        this.db = db;
    }

    @Override
    public Mono<Void> start(Recording r) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("insert into fault_recordings (id, name, started_at) values ($1, $2, $3)")
                .bind(0, r.id()).bind(2, utc(r.startedAt()));
        spec = r.name() == null ? spec.bindNull(1, String.class) : spec.bind(1, r.name());
        return spec.fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Void> stop(String id, Instant at) {
        return db.sql("update fault_recordings set stopped_at = $2 where id = $1 and stopped_at is null")
                .bind(0, id).bind(1, utc(at)).fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Void> append(String recordingId, List<RecordedDecision> rows) {
        if (rows.isEmpty()) {
            return Mono.empty();
        }
        return db.inConnection(connection -> {
            Statement statement = connection.createStatement("""
                    insert into fault_decisions (recording_id, at, request_id, rule_id, rule_version, operation, bucket,
                                                 object_key, part_number, upload_id, attempt, draw, seed, fired)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)""");
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0) {
                    statement.add();
                }
                RecordedDecision d = rows.get(i);
                statement.bind(0, recordingId).bind(1, utc(d.time()));
                text(statement, 2, d.requestId());
                statement.bind(3, d.ruleId()).bind(4, d.ruleVersion()).bind(5, d.operation());
                text(statement, 6, d.bucket());
                text(statement, 7, d.key());
                if (d.partNumber() == null) {
                    statement.bindNull(8, Integer.class);
                } else {
                    statement.bind(8, d.partNumber());
                }
                text(statement, 9, d.uploadId());
                statement.bind(10, d.attempt());
                if (d.draw() == null) {
                    statement.bindNull(11, Double.class);
                } else {
                    statement.bind(11, d.draw());
                }
                statement.bind(12, d.seed()).bind(13, d.fired());
            }
            return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated()).then();
        });
    }

    @Override
    public Mono<Recording> recording(String id) {
        return db.sql("select id, name, started_at, stopped_at from fault_recordings where id = $1").bind(0, id)
                .map(row -> new Recording(row.get("id", String.class), row.get("name", String.class),
                        row.get("started_at", OffsetDateTime.class).toInstant(), instant(row, "stopped_at")))
                .one();
    }

    @Override
    public Flux<RecordedDecision> decisions(String recordingId) {
        return db.sql("""
                        select at, request_id, rule_id, rule_version, operation, bucket, object_key, part_number, upload_id,
                               attempt, draw, seed, fired
                        from fault_decisions where recording_id = $1 order by seq""")
                .bind(0, recordingId)
                .map(row -> new RecordedDecision(row.get("at", OffsetDateTime.class).toInstant(),
                        row.get("request_id", String.class), row.get("rule_id", String.class),
                        row.get("rule_version", Long.class), row.get("operation", String.class),
                        row.get("bucket", String.class), row.get("object_key", String.class),
                        row.get("part_number", Integer.class), row.get("upload_id", String.class),
                        row.get("attempt", Long.class), row.get("draw", Double.class), row.get("seed", Long.class),
                        row.get("fired", Boolean.class)))
                .all();
    }

    private static void text(Statement statement, int i, String value) {
        if (value == null) {
            statement.bindNull(i, String.class);
        } else {
            statement.bind(i, value);
        }
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
