package dev.mocks3.faults.rule;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A fault rule: when all conditions hold for a request of the service stage, the action is injected.
 * Higher priority is evaluated first. {@code version} grows with every change; counters restart with it.
 *
 * @param seed   makes the rule's random draws (probability, delay distributions) reproducible
 * @param labels free-form tags; {@code localstack.*} labels mark rules made by the LocalStack chaos API
 */
public record FaultRule(
        String id,
        String name,
        String description,
        ServiceStage service,
        boolean enabled,
        int priority,
        List<Condition> conditions,
        FaultAction action,
        Long seed,
        Map<String, String> labels,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public FaultRule {
        conditions = List.copyOf(conditions);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public FaultRule withId(String newId) {
        return new FaultRule(newId, name, description, service, enabled, priority, conditions, action, seed, labels,
                version, createdAt, updatedAt);
    }

    public FaultRule withEnabled(boolean on) {
        return new FaultRule(id, name, description, service, on, priority, conditions, action, seed, labels,
                version, createdAt, updatedAt);
    }

    /** The same rule as stored: a new version and timestamps. */
    public FaultRule stored(long newVersion, Instant created, Instant updated) {
        return new FaultRule(id, name, description, service, enabled, priority, conditions, action, seed, labels,
                newVersion, created, updated);
    }
}
