package dev.mocks3.faults.store;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.RuleJson;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rules in the {@code fault_rules} table, each as its JSON document. A document is read once per
 * version: the periodic reload of every instance reuses the rules it read before.
 */
public final class R2dbcRuleStore implements RuleStore {
    private static final String COLUMNS = "id, document, version, created_at, updated_at";
    private final DatabaseClient db;
    private final ObjectMapper mapper;
    private final Map<String, FaultRule> read = new ConcurrentHashMap<>();

    public R2dbcRuleStore(DatabaseClient db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    public Flux<FaultRule> all() {
        return db.sql("select " + COLUMNS + " from fault_rules order by priority desc, created_at, id")
                .map(this::toRule).all().collectList()
                .flatMapIterable(rules -> {
                    read.keySet().retainAll(rules.stream().map(FaultRule::id).toList());
                    return rules;
                });
    }

    @Override
    public Mono<FaultRule> find(String id) {
        return db.sql("select " + COLUMNS + " from fault_rules where id = $1").bind(0, id).map(this::toRule).one();
    }

    @Override
    public Mono<FaultRule> insert(FaultRule rule) {
        Instant now = now();
        FaultRule stored = rule.stored(1, now, now);
        return db.sql("""
                        insert into fault_rules (id, name, service, enabled, priority, document, version, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, 1, $7, $7) on conflict (id) do nothing""")
                .bind(0, stored.id()).bind(1, stored.name()).bind(2, stored.service().id())
                .bind(3, stored.enabled()).bind(4, stored.priority()).bind(5, document(stored))
                .bind(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? Mono.just(remember(stored)) : Mono.empty());
    }

    @Override
    public Mono<FaultRule> replace(FaultRule rule) {
        Instant now = now();
        return db.sql("""
                        update fault_rules set name = $2, service = $3, enabled = $4, priority = $5, document = $6,
                               version = version + 1, updated_at = $7
                        where id = $1 returning version, created_at""")
                .bind(0, rule.id()).bind(1, rule.name()).bind(2, rule.service().id())
                .bind(3, rule.enabled()).bind(4, rule.priority()).bind(5, document(rule))
                .bind(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .map(row -> remember(rule.stored(row.get("version", Long.class),
                        row.get("created_at", OffsetDateTime.class).toInstant(), now)))
                .one();
    }

    @Override
    public Mono<Boolean> delete(String id) {
        read.remove(id);
        return db.sql("delete from fault_rules where id = $1").bind(0, id).fetch().rowsUpdated().map(n -> n > 0);
    }

    /** The rule just written is the one the reload that follows will find: no need to read it back. */
    private FaultRule remember(FaultRule stored) {
        read.put(stored.id(), stored);
        return stored;
    }

    /** PostgreSQL keeps microseconds: the stored rule carries the time as it will be read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private String document(FaultRule rule) {
        return RuleJson.write(rule).toString();
    }

    /** The rule of a row: the one read before when the row has not changed since, else its document. */
    private FaultRule toRule(Readable row) {
        String id = row.get("id", String.class);
        long version = row.get("version", Long.class);
        Instant created = row.get("created_at", OffsetDateTime.class).toInstant();
        Instant updated = row.get("updated_at", OffsetDateTime.class).toInstant();
        FaultRule known = read.get(id);
        if (known != null && known.version() == version && updated.equals(known.updatedAt())
                && created.equals(known.createdAt())) {
            return known;
        }
        try {
            FaultRule rule = RuleJson.read(mapper.readTree(row.get("document", String.class)))
                    .withId(id).stored(version, created, updated);
            read.put(id, rule);
            return rule;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("unreadable rule document for " + id, e);
        }
    }
}
