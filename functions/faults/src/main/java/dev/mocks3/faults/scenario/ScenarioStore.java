package dev.mocks3.faults.scenario;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Scenario documents: in {@code fault_scenarios} (V102), or in this JVM without a database. Each save is a new version. */
public final class ScenarioStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatabaseClient db;
    private final Map<String, Scenario> memory = new ConcurrentHashMap<>();

    public ScenarioStore(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the document under this id as the next version. */
    public Mono<Scenario> save(String id, JsonNode document) {
        Scenario.read(document, id, 1); // refuse a bad document before storing anything
        if (db == null) {
            Scenario saved = memory.compute(id, (k, old) -> Scenario.read(document, id, old == null ? 1 : old.version() + 1));
            return Mono.just(saved);
        }
        return db.sql("""
                        insert into fault_scenarios (id, name, version, document) values ($1, $2, 1, $3)
                        on conflict (id) do update set name = $2, version = fault_scenarios.version + 1, document = $3, updated_at = now()
                        returning version""")
                .bind(0, id).bind(1, document.path("name").asText()).bind(2, document.toString())
                .map(row -> row.get("version", Long.class)).one()
                .map(version -> Scenario.read(document, id, version));
    }

    public Mono<Scenario> find(String id) {
        if (db == null) {
            return Mono.justOrEmpty(memory.get(id));
        }
        return db.sql("select id, version, document from fault_scenarios where id = $1").bind(0, id)
                .map(row -> Scenario.read(parse(row.get("document", String.class)), row.get("id", String.class), row.get("version", Long.class)))
                .one();
    }

    public Flux<Scenario> all() {
        if (db == null) {
            return Flux.fromIterable(memory.values());
        }
        return db.sql("select id, version, document from fault_scenarios order by id")
                .map(row -> Scenario.read(parse(row.get("document", String.class)), row.get("id", String.class), row.get("version", Long.class)))
                .all();
    }

    public Mono<Boolean> delete(String id) {
        if (db == null) {
            return Mono.just(memory.remove(id) != null);
        }
        return db.sql("delete from fault_scenarios where id = $1").bind(0, id).fetch().rowsUpdated().map(n -> n > 0);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scenario is not JSON", e);
        }
    }
}
