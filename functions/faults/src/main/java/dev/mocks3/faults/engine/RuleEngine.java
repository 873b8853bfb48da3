package dev.mocks3.faults.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.faults.rule.FaultRule;

/**
 * An immutable snapshot of the enabled rules, compiled and indexed by S3 operation so that a
 * request only looks at the rules that can apply to its operation, highest priority first.
 * A new snapshot replaces the old one on every rule change; unchanged rules (same id and version)
 * are carried over with their random sequence, so a seeded rule stays reproducible across reloads.
 */
public final class RuleEngine {
    private static final CompiledRule[] NONE = new CompiledRule[0];
    public static final RuleEngine EMPTY = new RuleEngine(List.of(), List.of());
    private static final Comparator<CompiledRule> ORDER = Comparator
            .comparingInt((CompiledRule r) -> r.rule().priority()).reversed()
            .thenComparing(r -> r.rule().createdAt() == null ? Instant.EPOCH : r.rule().createdAt())
            .thenComparing(CompiledRule::id);

    private final List<FaultRule> rules;
    private final List<CompiledRule> compiled;
    private final CompiledRule[][] byOperation;
    private final Map<String, CompiledRule> byId = new HashMap<>();
    private final boolean staleReads;
    private final CompiledRule[] deliveryRules;

    private RuleEngine(List<FaultRule> rules, List<CompiledRule> compiled) {
        this.rules = List.copyOf(rules);
        this.compiled = compiled;
        S3Operation[] ops = S3Operation.values();
        this.byOperation = new CompiledRule[ops.length][];
        for (S3Operation op : ops) {
            List<CompiledRule> forOp = new ArrayList<>();
            for (CompiledRule r : compiled) {
                if (r.rule().service().seesRequests() && r.operations().contains(op)) {
                    forOp.add(r);
                }
            }
            byOperation[op.ordinal()] = forOp.isEmpty() ? NONE : forOp.toArray(NONE);
        }
        compiled.forEach(r -> byId.put(r.id(), r));
        this.deliveryRules = compiled.stream().filter(r -> !r.rule().service().seesRequests()).toArray(CompiledRule[]::new);
        this.staleReads = compiled.stream().anyMatch(r -> r.rule().action() instanceof FaultAction.StaleRead);
    }

    /** Some enabled rule serves stale reads: reads must look for snapshots. */
    public boolean hasStaleReads() {
        return staleReads;
    }

    /**
     * Compiles the enabled rules among {@code rules}.
     *
     * @param engineSeed seeds every rule that has no seed of its own (null: unseeded)
     * @param previous   the snapshot being replaced, whose unchanged rules are reused
     */
    public static RuleEngine compile(Collection<FaultRule> rules, Long engineSeed, RuleEngine previous) {
        List<CompiledRule> compiled = new ArrayList<>();
        for (FaultRule rule : rules) {
            if (!rule.enabled()) {
                continue;
            }
            CompiledRule old = previous == null ? null : previous.byId.get(rule.id());
            compiled.add(old != null && old.rule().version() == rule.version() && old.rule().equals(rule)
                    ? old : new CompiledRule(rule, engineSeed));
        }
        compiled.sort(ORDER);
        return new RuleEngine(List.copyOf(rules), compiled);
    }

    /** Every rule of the snapshot, enabled or not. */
    public List<FaultRule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return compiled.isEmpty();
    }

    /** The enabled rules that can apply to the operation, highest priority first. Do not modify. */
    public CompiledRule[] candidates(S3Operation operation) {
        return byOperation[operation.ordinal()];
    }

    /** The enabled notification-delivery rules that can apply to notifications of the operation, highest priority first. */
    public List<CompiledRule> deliveryCandidates(S3Operation operation) {
        List<CompiledRule> found = new ArrayList<>();
        for (CompiledRule r : deliveryRules) {
            if (r.operations().contains(operation)) {
                found.add(r);
            }
        }
        return found;
    }

    public CompiledRule byId(String id) {
        return byId.get(id);
    }
}
