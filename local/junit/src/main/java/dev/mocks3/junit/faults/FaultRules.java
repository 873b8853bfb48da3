package dev.mocks3.junit.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.core.routing.S3Operation;

/**
 * A client of MockS3's fault-rules API ({@code /api/v1/rules}, {@code /stats}, {@code /events}): plain
 * Java, the JDK's HTTP client and Jackson. {@link #on(S3Operation...)} starts a rule and
 * {@link #scenario(String)} a scenario ({@code /api/v1/scenarios}); the rules and scenarios this client
 * added are remembered, so {@link #removeAdded()} takes them all away again (and undoes its {@link #halt()}).
 */
public final class FaultRules {
    static final String ROLE_LABEL = "mocks3.junit.role";
    static final String ATTEMPT_LOG = "attempt-log";
    private static final int PAGE = 1000;
    private final RulesHttp http;
    private final String scopeAccessKey;
    private final List<FaultHandle> added = new CopyOnWriteArrayList<>();
    private final List<ScenarioHandle> scenarios = new CopyOnWriteArrayList<>();
    private volatile boolean halted;

    /** A client of the rules API at {@code rulesApi} (e.g. {@code http://localhost:8085}). */
    public FaultRules(URI rulesApi, RulesApiAuth auth) {
        this(rulesApi, auth, null);
    }

    /**
     * @param scopeAccessKey when not null, every rule made by {@link #on} applies only to requests signed
     *                       with this key (unless it names keys itself), so test classes sharing one MockS3
     *                       do not fault each other's requests
     */
    public FaultRules(URI rulesApi, RulesApiAuth auth, String scopeAccessKey) {
        this.http = new RulesHttp(rulesApi, auth);
        this.scopeAccessKey = scopeAccessKey;
    }

    public URI endpoint() {
        return http.base();
    }

    /** Starts a rule for these operations (none: every operation). */
    public RuleBuilder on(S3Operation... operations) {
        return new RuleBuilder(this, List.of(operations));
    }

    /** Starts a rule for every operation. */
    public RuleBuilder onAnyOperation() {
        return new RuleBuilder(this, List.of());
    }

    /** Adds a rule document as it is (see the faults README), remembered like the others. */
    public FaultHandle add(JsonNode ruleDocument) {
        return add((ObjectNode) ruleDocument.deepCopy(), null);
    }

    FaultHandle add(ObjectNode document, ObjectNode attemptLog) {
        // the attempt log goes in first, so that it sees every request the fault rule sees
        String logId = attemptLog == null ? null : http.post("/api/v1/rules", attemptLog, 201).path("id").asText();
        String id;
        try {
            id = http.post("/api/v1/rules", document, 201).path("id").asText();
        } catch (RuntimeException e) {
            if (logId != null) {
                http.delete("/api/v1/rules/" + logId);
            }
            throw e;
        }
        FaultHandle handle = new FaultHandle(this, id, logId);
        added.add(handle);
        return handle;
    }

    /** Starts a scenario document of timed phases; {@link ScenarioBuilder#create()} saves it. */
    public ScenarioBuilder scenario(String name) {
        return new ScenarioBuilder(this, name);
    }

    /** Saves a scenario document as it is (see the faults README), remembered like the others. */
    public ScenarioHandle createScenario(JsonNode scenarioDocument) {
        return create((ObjectNode) scenarioDocument.deepCopy());
    }

    ScenarioHandle create(ObjectNode document) {
        ScenarioHandle handle = new ScenarioHandle(this, http.post("/api/v1/scenarios", document, 201).path("id").asText());
        scenarios.add(handle);
        return handle;
    }

    /** The scenarios this client saved and has not removed. */
    public List<ScenarioHandle> scenarios() {
        return List.copyOf(scenarios);
    }

    /**
     * {@code POST /api/v1/halt}: stops every running scenario and disables every enabled rule on the
     * server (other test classes' too, on a shared MockS3). Answers the ids of the rules it disabled.
     */
    public List<String> halt() {
        halted = true;
        return ids(http.post("/api/v1/halt", null, 200).path("rules"));
    }

    /** {@code DELETE /api/v1/halt}: re-enables the rules the halt disabled (stopped scenarios stay stopped). */
    public List<String> resume() {
        List<String> resumed = ids(http.send("DELETE", "/api/v1/halt", null, 200).path("rules"));
        halted = false;
        return resumed;
    }

    /** The rules this client added and has not removed. */
    public List<FaultHandle> added() {
        return List.copyOf(added);
    }

    /**
     * Removes every scenario and rule this client added, and undoes its halt if it did not resume (the
     * extension does this after each test).
     */
    public void removeAdded() {
        for (ScenarioHandle scenario : scenarios()) {
            scenario.remove();
        }
        for (FaultHandle handle : added()) {
            handle.remove();
        }
        if (halted) {
            resume();
        }
    }

    /** {@code GET /api/v1/rules}: every rule on the server, with its stats. */
    public JsonNode rules() {
        return http.get("/api/v1/rules");
    }

    /** The ids of every rule on the server. */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        rules().path("rules").forEach(rule -> ids.add(rule.path("id").asText()));
        return ids;
    }

    /** The ids of every scenario on the server. */
    public List<String> scenarioIds() {
        List<String> ids = new ArrayList<>();
        http.get("/api/v1/scenarios").path("scenarios").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

    /** {@code GET /api/v1/stats}: totals, per rule, by action, service and operation. */
    public JsonNode stats() {
        return http.get("/api/v1/stats");
    }

    /** Sets every counter of {@code /api/v1/stats} back to zero. */
    public void resetStats() {
        http.send("DELETE", "/api/v1/stats", null, 204);
    }

    /** Every fault in the event log, newest first. */
    public List<FaultEvent> events() {
        return events(null);
    }

    /** Empties the event log. */
    public void clearEvents() {
        http.send("DELETE", "/api/v1/events", null, 204);
    }

    /** The API answers its health check. */
    public boolean healthy() {
        return "ok".equals(http.get("/health").path("status").asText());
    }

    RulesHttp http() {
        return http;
    }

    void forget(FaultHandle handle) {
        added.remove(handle);
    }

    void forget(ScenarioHandle handle) {
        scenarios.remove(handle);
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** The events of one rule (null: all), every page, newest first. */
    List<FaultEvent> events(String ruleId) {
        List<FaultEvent> events = new ArrayList<>();
        String filter = ruleId == null ? "" : "&rule=" + URLEncoder.encode(ruleId, StandardCharsets.UTF_8);
        long offset = 0;
        while (true) {
            JsonNode page = http.get("/api/v1/events?limit=" + PAGE + "&offset=" + offset + filter);
            page.path("events").forEach(event -> events.add(FaultEvent.of(event)));
            if (!page.hasNonNull("next_offset")) {
                return events;
            }
            offset = page.path("next_offset").asLong();
        }
    }

    /** The scope conditions, plus this client's access key when it scopes rules and they name none. */
    ArrayNode scoped(ArrayNode scope) {
        ArrayNode conditions = scope.deepCopy();
        boolean namesKeys = false;
        for (JsonNode condition : scope) {
            namesKeys |= condition.path("type").asText().equals("access_key");
        }
        if (scopeAccessKey != null && !namesKeys) {
            conditions.addObject().put("type", "access_key").putArray("value").add(scopeAccessKey);
        }
        return conditions;
    }
}
