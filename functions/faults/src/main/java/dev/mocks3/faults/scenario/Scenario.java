package dev.mocks3.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.faults.rule.Quantities;
import dev.mocks3.faults.rule.RuleJson;

/**
 * A named, versioned run of fault phases: each phase puts its rules in force for its duration, then
 * the next one takes over. {@code repeat} starts over after the last phase, which is how a schedule
 * is written ("503 for 30 s every 5 minutes": a 30 s phase with the rule, a 4 m 30 s clean one). A
 * rule of a phase may ramp its probability over the phase. Guards stop every fault of the scenario.
 */
public record Scenario(String id, String name, long version, List<Phase> phases, boolean repeat, List<Guard> guards,
                       JsonNode document) {

    /** A phase: its rules are in force for {@code duration}. */
    public record Phase(String name, Duration duration, List<PhaseRule> rules) {
    }

    /**
     * A rule document of a phase; with a ramp its probability goes from {@code from} to {@code to}
     * over the phase, in {@code steps} changes.
     */
    public record PhaseRule(ObjectNode document, Ramp ramp) {
    }

    public record Ramp(double from, double to, int steps) {
        /** The probability at this fraction (0..1) of the phase, on a step. */
        public double at(double fraction) {
            double f = Math.floor(Math.min(1, Math.max(0, fraction)) * steps) / steps;
            return from + (to - from) * f;
        }
    }

    /** Reads a scenario document; {@link IllegalArgumentException} naming the field when it is wrong. */
    public static Scenario read(JsonNode doc, String id, long version) {
        if (doc == null || !doc.isObject()) {
            throw new IllegalArgumentException("a scenario is a JSON object");
        }
        String name = doc.path("name").asText("");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name: is required");
        }
        JsonNode phasesNode = doc.path("phases");
        if (!phasesNode.isArray() || phasesNode.isEmpty()) {
            throw new IllegalArgumentException("phases: give at least one phase");
        }
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < phasesNode.size(); i++) {
            phases.add(phase(phasesNode.get(i), "phases[" + i + "]"));
        }
        List<Guard> guards = new ArrayList<>();
        JsonNode guardsNode = doc.path("guards");
        for (int i = 0; i < guardsNode.size(); i++) {
            guards.add(Guard.read(guardsNode.get(i), "guards[" + i + "]"));
        }
        ObjectNode stored = ((ObjectNode) doc).deepCopy();
        stored.put("id", id);
        stored.put("version", version);
        return new Scenario(id, name, version, List.copyOf(phases), doc.path("repeat").asBoolean(false), List.copyOf(guards), stored);
    }

    private static Phase phase(JsonNode node, String at) {
        Duration duration = duration(node.get("duration"), at + ".duration");
        List<PhaseRule> rules = new ArrayList<>();
        JsonNode rulesNode = node.path("rules");
        for (int j = 0; j < rulesNode.size(); j++) {
            JsonNode r = rulesNode.get(j);
            if (!r.isObject()) {
                throw new IllegalArgumentException(at + ".rules[" + j + "]: is a rule document");
            }
            ObjectNode rule = ((ObjectNode) r).deepCopy();
            Ramp ramp = null;
            if (rule.has("ramp")) {
                JsonNode ramping = rule.remove("ramp");
                ramp = new Ramp(ramping.path("from").asDouble(0), ramping.path("to").asDouble(1), Math.max(1, ramping.path("steps").asInt(10)));
                if (ramp.from() < 0 || ramp.from() > 1 || ramp.to() < 0 || ramp.to() > 1) {
                    throw new IllegalArgumentException(at + ".rules[" + j + "].ramp: from and to are probabilities between 0 and 1");
                }
            }
            if (!rule.has("name")) {
                rule.put("name", node.path("name").asText("phase") + " rule " + j);
            }
            try {
                RuleJson.read(ramp == null ? rule : withProbability(rule, ramp.from()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(at + ".rules[" + j + "]: " + e.getMessage());
            }
            rules.add(new PhaseRule(rule, ramp));
        }
        return new Phase(node.path("name").asText("phase"), duration, List.copyOf(rules));
    }

    /** The rule document with its probability condition set to {@code p} (added when it has none). */
    public static ObjectNode withProbability(ObjectNode rule, double p) {
        ObjectNode copy = rule.deepCopy();
        ArrayNode conditions = JsonNodeFactory.instance.arrayNode();
        for (JsonNode c : rule.path("conditions")) {
            if (!"probability".equals(c.path("type").asText())) {
                conditions.add(c);
            }
        }
        conditions.addObject().put("type", "probability").put("value", p);
        copy.set("conditions", conditions);
        return copy;
    }

    static Duration duration(JsonNode node, String field) {
        if (node == null || !node.isTextual() && !node.isNumber()) {
            throw new IllegalArgumentException(field + ": is required, e.g. \"30s\"");
        }
        Duration d = Quantities.duration(node.asText());
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(field + ": must be positive");
        }
        return d;
    }

    /** Scenario time a whole round of phases takes. */
    public Duration length() {
        return phases.stream().map(Phase::duration).reduce(Duration.ZERO, Duration::plus);
    }
}
