package dev.mocks3.junit.faults;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A scenario document written method by method: timed phases, each with the rules in force while it
 * runs, and guards that stop it. {@link #create()} saves it and returns its handle; nothing runs before
 * {@link ScenarioHandle#start()}.
 * <pre>{@code
 * s3.faults().scenario("storm")
 *         .phase("steady", Duration.ofSeconds(30))
 *         .phase("503s", Duration.ofSeconds(30)).rule(s3.faults().on(GET_OBJECT).bucket("b"), slowDown())
 *         .maxInjectedFaults(100)
 *         .create().start(10);
 * }</pre>
 */
public final class ScenarioBuilder {
    private final FaultRules client;
    private final ObjectNode scenario = RulesHttp.JSON.createObjectNode();
    private final ArrayNode phases = scenario.putArray("phases");
    private final ArrayNode guards = scenario.putArray("guards");

    ScenarioBuilder(FaultRules client, String name) {
        this.client = client;
        scenario.put("name", name);
    }

    /** The scenario's id (1-64 letters, digits, '.', '_' or '-'); by default the server picks one. */
    public ScenarioBuilder id(String id) {
        scenario.put("id", id);
        return this;
    }

    /** Starts over after the last phase, until stopped. */
    public ScenarioBuilder repeat() {
        scenario.put("repeat", true);
        return this;
    }

    // --- phases ---

    /** Starts a phase of {@code duration} (scenario time); the rules that follow are in force during it. */
    public ScenarioBuilder phase(String name, Duration duration) {
        phases.addObject().put("name", name).put("duration", duration.toMillis() + "ms").putArray("rules");
        return this;
    }

    /** A rule of the current phase: the conditions written on {@code rule}, with this action. */
    public ScenarioBuilder rule(RuleBuilder rule, Action action) {
        currentRules().add(rule.document(action));
        return this;
    }

    /** A rule of the current phase whose probability steps from {@code from} to {@code to} over the phase. */
    public ScenarioBuilder rampedRule(RuleBuilder rule, Action action, double from, double to, int steps) {
        ObjectNode document = rule.document(action);
        document.putObject("ramp").put("from", from).put("to", to).put("steps", steps);
        currentRules().add(document);
        return this;
    }

    /** A rule document of the current phase as it is (see the faults README), e.g. with a {@code ramp}. */
    public ScenarioBuilder rule(JsonNode ruleDocument) {
        currentRules().add(ruleDocument.deepCopy());
        return this;
    }

    // --- guards ---

    /** Halts the scenario when more than {@code share} (0..1) of the requests its rules matched over {@code window} got a fault. */
    public ScenarioBuilder failureShareAbove(double share, Duration window, long minRequests) {
        guards.addObject().put("type", "failure_share").put("above", share).put("window", window.toMillis() + "ms")
                .put("min_requests", minRequests);
        return this;
    }

    /** Halts the scenario once it injected more than {@code max} faults. */
    public ScenarioBuilder maxInjectedFaults(long max) {
        guards.addObject().put("type", "injected_faults").put("max", max);
        return this;
    }

    /** Halts the scenario after it ran for {@code after} (scenario time). */
    public ScenarioBuilder deadline(Duration after) {
        guards.addObject().put("type", "deadline").put("after", after.toMillis() + "ms");
        return this;
    }

    /** A guard document as it is. */
    public ScenarioBuilder guard(JsonNode guardDocument) {
        guards.add(guardDocument.deepCopy());
        return this;
    }

    // --- done ---

    /** The document as it would be saved. */
    public ObjectNode document() {
        return scenario.deepCopy();
    }

    /** Saves the scenario (idle until started) and returns its handle; the extension removes it after the test. */
    public ScenarioHandle create() {
        return client.create(document());
    }

    private ArrayNode currentRules() {
        if (phases.isEmpty()) {
            throw new IllegalStateException("call phase(name, duration) before adding its rules");
        }
        return (ArrayNode) phases.get(phases.size() - 1).get("rules");
    }
}
