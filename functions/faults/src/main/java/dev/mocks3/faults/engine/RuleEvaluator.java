package dev.mocks3.faults.engine;

import dev.mocks3.faults.rule.Condition;
import reactor.core.publisher.Mono;

/**
 * The part of a rule's test that is not pure: request counters, the probability draw and the
 * trigger limit. Runs only for rules whose cheap conditions already hold, in this order, so that
 * request counts count every request in the rule's scope and a seeded rule draws once per such request.
 */
public final class RuleEvaluator {

    /** Told when a rule has used up its max_triggers. */
    public interface ExhaustionListener {
        void exhausted(CompiledRule rule);
    }

    private static final Mono<Boolean> YES = Mono.just(true);
    private static final Mono<Boolean> NO = Mono.just(false);

    private final FaultCounters counters;
    private final ExhaustionListener listener;

    public RuleEvaluator(FaultCounters counters, ExhaustionListener listener) {
        this.counters = counters;
        this.listener = listener;
    }

    /** Whether the in-scope rule injects its fault into this request. */
    public Mono<Boolean> fires(CompiledRule rule, RequestFacts facts) {
        Condition.RequestCount[] counts = rule.counts();
        if (counts.length == 0) {
            return afterCounts(rule);
        }
        return countAll(rule, facts, counts, 0).flatMap(ok -> ok ? afterCounts(rule) : NO);
    }

    private Mono<Boolean> countAll(CompiledRule rule, RequestFacts facts, Condition.RequestCount[] counts, int i) {
        if (i == counts.length) {
            return YES;
        }
        Condition.RequestCount c = counts[i];
        return counters.increment(rule.countCounter(c, facts))
                .flatMap(n -> CompiledRule.countHolds(c, n) ? countAll(rule, facts, counts, i + 1) : NO);
    }

    private Mono<Boolean> afterCounts(CompiledRule rule) {
        double p = rule.probability();
        if (p < 1.0 && !(rule.nextDouble() < p)) {
            return NO;
        }
        long max = rule.maxTriggers();
        if (max == 0) {
            return YES;
        }
        return counters.increment(rule.triggerCounter()).map(n -> {
            if (n >= max) {
                listener.exhausted(rule);
            }
            return n <= max;
        });
    }
}
