package dev.mocks3.faults.engine;

import dev.mocks3.faults.rule.Condition;
import reactor.core.publisher.Mono;

/**
 * The part of a rule's test that is not pure: request counters, the attempt count, the probability
 * draw and the trigger limit. Runs only for rules whose cheap conditions already hold, in this order,
 * so that request counts count every request in the rule's scope. A seeded rule draws from a hash of
 * the request and its attempt number, not from a sequence: the same requests get the same faults
 * however concurrent requests interleave. Each decision goes to the {@link DecisionJournal}.
 */
public final class RuleEvaluator {

    /** Told when a rule has used up its max_triggers. */
    public interface ExhaustionListener {
        void exhausted(CompiledRule rule);
    }

    private final FaultCounters counters;
    private final ExhaustionListener listener;
    private final DecisionJournal journal;

    public RuleEvaluator(FaultCounters counters, ExhaustionListener listener) {
        this(counters, listener, DecisionJournal.OFF);
    }

    public RuleEvaluator(FaultCounters counters, ExhaustionListener listener, DecisionJournal journal) {
        this.counters = counters;
        this.listener = listener;
        this.journal = journal;
    }

    /** The in-scope rule's decision on this request. */
    public Mono<Decision> decide(CompiledRule rule, RequestFacts facts) {
        Condition.RequestCount[] counts = rule.counts();
        Mono<Decision> decision = counts.length == 0 ? afterCounts(rule, facts)
                : countAll(rule, facts, counts, 0).flatMap(ok -> ok ? afterCounts(rule, facts) : Mono.just(Decision.missBeforeDraw(rule, 0)));
        return journal.recording() ? decision.doOnNext(d -> journal.record(d, facts)) : decision;
    }

    /** Whether the in-scope rule injects its fault into this request. */
    public Mono<Boolean> fires(CompiledRule rule, RequestFacts facts) {
        return decide(rule, facts).map(Decision::fired);
    }

    private Mono<Boolean> countAll(CompiledRule rule, RequestFacts facts, Condition.RequestCount[] counts, int i) {
        if (i == counts.length) {
            return Mono.just(true);
        }
        Condition.RequestCount c = counts[i];
        return counters.increment(rule.countCounter(c, facts))
                .flatMap(n -> CompiledRule.countHolds(c, n) ? countAll(rule, facts, counts, i + 1) : Mono.just(false));
    }

    private Mono<Decision> afterCounts(CompiledRule rule, RequestFacts facts) {
        boolean counted = rule.seeded() || journal.recording() || journal.replaying();
        if (!counted) {
            return draw(rule, facts, 0);
        }
        return counters.increment(rule.attemptCounter(facts, journal.run())).flatMap(attempt -> draw(rule, facts, attempt));
    }

    private Mono<Decision> draw(CompiledRule rule, RequestFacts facts, long attempt) {
        Decision d;
        if (journal.replaying()) {
            DecisionJournal.Replayed r = journal.replayed(rule, facts, attempt);
            d = r == DecisionJournal.Replayed.NONE ? Decision.missBeforeDraw(rule, attempt)
                    : Decision.replayed(rule, r.fired(), r.seed(), attempt);
            return d.fired() ? limit(d) : Mono.just(d);
        }
        d = Decision.drawn(rule, rule.probability(), rule.requestSeed(facts, attempt), attempt);
        return d.fired() ? limit(d) : Mono.just(d);
    }

    private Mono<Decision> limit(Decision d) {
        long max = d.rule().maxTriggers();
        if (max == 0) {
            return Mono.just(d);
        }
        return counters.increment(d.rule().triggerCounter()).map(n -> {
            if (n >= max) {
                listener.exhausted(d.rule());
            }
            return n <= max ? d : d.withFired(false);
        });
    }
}
