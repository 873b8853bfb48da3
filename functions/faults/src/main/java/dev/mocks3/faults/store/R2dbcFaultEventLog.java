package dev.mocks3.faults.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.events.fault.FaultInjected;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

/** Fault events in the {@code fault_events} table. */
public final class R2dbcFaultEventLog implements FaultEventLog {
    private static final TypeReference<Map<String, Object>> DETAIL = new TypeReference<>() {
    };
    private final DatabaseClient db;
    private final ObjectMapper mapper;

    public R2dbcFaultEventLog(DatabaseClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Mono<Void> append(FaultInjected e) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                insert into fault_events (event_id, at, rule_id, rule_name, request_id, service, operation, bucket,
                                          object_key, action, phase, outcome, detail, upload_id, part_number)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)""")
                .bind(0, e.id()).bind(1, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
        spec = bindNullable(spec, 2, e.ruleId());
        spec = bindNullable(spec, 3, e.ruleName());
        spec = bindNullable(spec, 4, e.requestId());
        spec = bindNullable(spec, 5, e.service());
        spec = bindNullable(spec, 6, e.operation());
        spec = bindNullable(spec, 7, e.bucket());
        spec = bindNullable(spec, 8, e.key());
        spec = bindNullable(spec, 13, e.uploadId());
        spec = e.partNumber() == null ? spec.bindNull(14, Integer.class) : spec.bind(14, e.partNumber());
        return spec.bind(9, e.action()).bind(10, e.phase()).bind(11, e.outcome()).bind(12, json(e.detail()))
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<EventPage> find(EventQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        filter(where, args, "rule_id = ", q.ruleId());
        filter(where, args, "request_id = ", q.requestId());
        filter(where, args, "operation = ", q.operation());
        filter(where, args, "bucket = ", q.bucket());
        filter(where, args, "action = ", q.action());
        filter(where, args, "at >= ", q.since() == null ? null : OffsetDateTime.ofInstant(q.since(), ZoneOffset.UTC));
        filter(where, args, "at < ", q.until() == null ? null : OffsetDateTime.ofInstant(q.until(), ZoneOffset.UTC));
        DatabaseClient.GenericExecuteSpec count = bindAll(db.sql("select count(*) as n from fault_events" + where), args);
        DatabaseClient.GenericExecuteSpec page = bindAll(db.sql("""
                select event_id, at, rule_id, rule_name, request_id, service, operation, bucket, object_key,
                       action, phase, outcome, detail, upload_id, part_number from fault_events""" + where
                + " order by seq desc limit " + q.limit() + " offset " + q.offset()), args);
        return count.map(row -> row.get("n", Long.class)).one()
                .zipWith(page.map(this::toEvent).all().collectList())
                .map(t -> new EventPage(t.getT2(), t.getT1(), q.limit(), q.offset()));
    }

    @Override
    public Mono<Long> clear() {
        return db.sql("delete from fault_events").fetch().rowsUpdated();
    }

    private static void filter(StringBuilder where, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            where.append(" and ").append(clause).append('$').append(args.size());
        }
    }

    private static DatabaseClient.GenericExecuteSpec bindAll(DatabaseClient.GenericExecuteSpec spec, List<Object> args) {
        for (int i = 0; i < args.size(); i++) {
            spec = spec.bind(i, args.get(i));
        }
        return spec;
    }

    private static DatabaseClient.GenericExecuteSpec bindNullable(DatabaseClient.GenericExecuteSpec spec, int i, String v) {
        return v == null ? spec.bindNull(i, String.class) : spec.bind(i, v);
    }

    private String json(Map<String, Object> detail) {
        try {
            return mapper.writeValueAsString(detail);
        } catch (java.io.IOException e) {
            return "{}";
        }
    }

    private FaultInjected toEvent(Readable row) {
        Map<String, Object> detail;
        try {
            detail = mapper.readValue(row.get("detail", String.class), DETAIL);
        } catch (java.io.IOException e) {
            detail = Map.of();
        }
        return new FaultInjected(row.get("event_id", String.class), row.get("at", OffsetDateTime.class).toInstant(),
                row.get("rule_id", String.class), row.get("rule_name", String.class),
                row.get("request_id", String.class), row.get("service", String.class),
                row.get("operation", String.class), row.get("bucket", String.class),
                row.get("object_key", String.class), row.get("action", String.class),
                row.get("phase", String.class), row.get("outcome", String.class), detail,
                row.get("upload_id", String.class), row.get("part_number", Integer.class));
    }
}
