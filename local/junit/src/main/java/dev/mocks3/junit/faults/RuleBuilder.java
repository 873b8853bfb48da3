package dev.mocks3.junit.faults;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.core.routing.S3Operation;

/**
 * A rule document written method by method; {@link #respond(Action)} adds it and returns its handle.
 * Every condition of the rule document has a method here; all conditions must hold for the action to run.
 * <pre>{@code
 * s3.faults().on(PUT_OBJECT).bucket("b").prefix("in/").firstAttemptsPerKey(2).respond(slowDown());
 * }</pre>
 */
public final class RuleBuilder {
    private final FaultRules client;
    private final ObjectNode rule = RulesHttp.JSON.createObjectNode();
    /** Conditions that say which requests the rule is about (not how often it fires): the attempt log uses them too. */
    private final ArrayNode scope = RulesHttp.JSON.createArrayNode();
    /** Conditions that pick which of those requests get the fault. */
    private final ArrayNode selection = RulesHttp.JSON.createArrayNode();
    private boolean logAttempts = true;

    RuleBuilder(FaultRules client, List<S3Operation> operations) {
        this.client = client;
        if (!operations.isEmpty()) {
            ArrayNode names = condition(scope, "operation").putArray("value");
            operations.forEach(op -> names.add(op.s3Name()));
        }
    }

    // --- the rule ---

    public RuleBuilder name(String name) {
        rule.put("name", name);
        return this;
    }

    public RuleBuilder description(String description) {
        rule.put("description", description);
        return this;
    }

    /** The seed document's services: {@code gateway} (default), {@code storage-service}, {@code metadata-service}, ... */
    public RuleBuilder service(String service) {
        rule.put("service", service);
        return this;
    }

    /** Higher priority is tested first; the first error, reset or timeout ends the list. */
    public RuleBuilder priority(int priority) {
        rule.put("priority", priority);
        return this;
    }

    /** Makes the rule's random draws (probability, delay distributions) the same on every run. */
    public RuleBuilder seed(long seed) {
        rule.put("seed", seed);
        return this;
    }

    public RuleBuilder label(String name, String value) {
        rule.with("labels").put(name, value);
        return this;
    }

    /** Adds the rule switched off; {@link FaultHandle#enable()} switches it on. */
    public RuleBuilder disabled() {
        rule.put("enabled", false);
        return this;
    }

    /**
     * Adds no attempt log: by default a companion rule that injects nothing (a 0 ms delay) records every
     * request in the rule's scope, so that {@link FaultHandle#attempts()} and the retry assertions can
     * see the requests that were not faulted.
     */
    public RuleBuilder withoutAttemptLog() {
        logAttempts = false;
        return this;
    }

    // --- which requests: scope ---

    public RuleBuilder bucket(String bucket) {
        return bucket(Match.equalTo(bucket));
    }

    public RuleBuilder bucket(Match match) {
        matching(scope, "bucket", match);
        return this;
    }

    public RuleBuilder key(String key) {
        return key(Match.equalTo(key));
    }

    public RuleBuilder key(Match match) {
        matching(scope, "key", match);
        return this;
    }

    /** Keys that start with {@code prefix}. */
    public RuleBuilder prefix(String prefix) {
        return key(Match.prefix(prefix));
    }

    /** Keys that end with {@code suffix}. */
    public RuleBuilder suffix(String suffix) {
        return key(Match.suffix(suffix));
    }

    /** HTTP methods, e.g. {@code "PUT"}. */
    public RuleBuilder method(String... methods) {
        values(scope, "method", methods);
        return this;
    }

    /** A request header with this exact value. */
    public RuleBuilder header(String name, String value) {
        return header(name, Match.equalTo(value));
    }

    public RuleBuilder header(String name, Match match) {
        matching(scope, "header", match).put("name", name);
        return this;
    }

    public RuleBuilder query(String name, String value) {
        return query(name, Match.equalTo(value));
    }

    public RuleBuilder query(String name, Match match) {
        matching(scope, "query", match).put("name", name);
        return this;
    }

    /** Clients whose address is in one of these CIDR blocks (a plain address is one host). */
    public RuleBuilder sourceIp(String... cidrs) {
        values(scope, "source_ip", cidrs);
        return this;
    }

    /** Requests signed with one of these access keys. */
    public RuleBuilder accessKey(String... keys) {
        values(scope, "access_key", keys);
        return this;
    }

    /** Requests whose SigV4 scope names one of these regions. */
    public RuleBuilder region(String... regions) {
        values(scope, "region", regions);
        return this;
    }

    /** Objects of at least {@code min} and at most {@code max} bytes (null: open); uploads by Content-Length, reads by the answer. */
    public RuleBuilder objectSize(Long min, Long max) {
        ObjectNode condition = condition(scope, "object_size");
        if (min != null) {
            condition.put("min", min);
        }
        if (max != null) {
            condition.put("max", max);
        }
        return this;
    }

    public RuleBuilder partNumber(int partNumber) {
        condition(scope, "part_number").put("value", partNumber);
        return this;
    }

    public RuleBuilder partNumbers(int min, int max) {
        condition(scope, "part_number").put("min", min).put("max", max);
        return this;
    }

    // --- which of them: selection ---

    /** Each request in scope gets the fault with this probability (0..1). */
    public RuleBuilder probability(double probability) {
        condition(selection, "probability").put("value", probability);
        return this;
    }

    /** The first {@code n} requests in scope, counted over the whole rule. */
    public RuleBuilder firstAttempts(long n) {
        return requestCount(n, null, null, false);
    }

    /** The first {@code n} requests for each key: every key's first tries fail, its retries may succeed. */
    public RuleBuilder firstAttemptsPerKey(long n) {
        return requestCount(n, null, null, true);
    }

    /** Every {@code n}th request in scope. */
    public RuleBuilder everyNth(long n) {
        return requestCount(null, n, null, false);
    }

    public RuleBuilder everyNthPerKey(long n) {
        return requestCount(null, n, null, true);
    }

    /** Requests after the first {@code n} in scope. */
    public RuleBuilder afterAttempts(long n) {
        return requestCount(null, null, n, false);
    }

    public RuleBuilder afterAttemptsPerKey(long n) {
        return requestCount(null, null, n, true);
    }

    /** The {@code request_count} condition whole: first / every / after (null: not given), per rule or per key. */
    public RuleBuilder requestCount(Long first, Long every, Long after, boolean perKey) {
        ObjectNode condition = condition(selection, "request_count").put("per", perKey ? "key" : "rule");
        if (first != null) {
            condition.put("first", first);
        }
        if (every != null) {
            condition.put("every", every);
        }
        if (after != null) {
            condition.put("after", after);
        }
        return this;
    }

    /** After this many injected faults the rule stops. */
    public RuleBuilder maxTriggers(long n) {
        condition(selection, "max_triggers").put("value", n);
        return this;
    }

    public RuleBuilder expiresAt(Instant at) {
        condition(selection, "expires_at").put("value", at.toString());
        return this;
    }

    public RuleBuilder expiresIn(Duration duration) {
        return expiresAt(Instant.now().plus(duration));
    }

    /** Only between these instants (null: open). */
    public RuleBuilder between(Instant from, Instant until) {
        ObjectNode condition = condition(selection, "time_window");
        if (from != null) {
            condition.put("from", from.toString());
        }
        if (until != null) {
            condition.put("until", until.toString());
        }
        return this;
    }

    /** Every day between these times in {@code zone} (may wrap past midnight). */
    public RuleBuilder daily(LocalTime from, LocalTime until, ZoneId zone) {
        condition(selection, "time_window").put("daily_from", from.toString()).put("daily_until", until.toString())
                .put("zone", zone.getId());
        return this;
    }

    // --- done ---

    /** Adds the rule with this action and returns its handle. */
    public FaultHandle respond(Action action) {
        ObjectNode document = document(action);
        return client.add(document, logAttempts ? attemptLog(document) : null);
    }

    /** The rule document with this action, not added (a scenario's phase holds it until the phase runs). */
    ObjectNode document(Action action) {
        ObjectNode document = rule.deepCopy();
        if (!document.has("name")) {
            document.put("name", "mocks3-junit " + action.type());
        }
        ArrayNode conditions = document.putArray("conditions");
        conditions.addAll(client.scoped(scope));
        conditions.addAll(selection);
        document.set("action", action.json());
        return document;
    }

    /** A rule in the same scope that injects nothing and so logs every request, before the fault rule. */
    private ObjectNode attemptLog(ObjectNode document) {
        ObjectNode log = RulesHttp.JSON.createObjectNode();
        log.put("name", "attempt log of " + document.get("name").asText());
        if (document.has("service")) {
            log.set("service", document.get("service"));
        }
        log.put("priority", document.path("priority").asInt(0) + 1);
        log.putObject("labels").put(FaultRules.ROLE_LABEL, FaultRules.ATTEMPT_LOG);
        log.putArray("conditions").addAll(client.scoped(scope));
        log.putObject("action").put("type", "delay").put("delay", "0ms");
        return log;
    }

    private static ObjectNode condition(ArrayNode conditions, String type) {
        return conditions.addObject().put("type", type);
    }

    private static ObjectNode matching(ArrayNode conditions, String type, Match match) {
        ObjectNode condition = condition(conditions, type);
        for (Map.Entry<String, Object> field : match.fields().entrySet()) {
            condition.set(field.getKey(), RulesHttp.JSON.valueToTree(field.getValue()));
        }
        return condition;
    }

    private static void values(ArrayNode conditions, String type, String... values) {
        ArrayNode array = condition(conditions, type).putArray("value");
        Arrays.stream(values).forEach(array::add);
    }
}
