package dev.mocks3.faults.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.mocks3.faults.rule.FaultRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Rules in this JVM only: for tests and for running without a database. */
public final class InMemoryRuleStore implements RuleStore {
    private final Map<String, FaultRule> rules = new ConcurrentHashMap<>();

    @Override
    public Flux<FaultRule> all() {
        return Flux.fromStream(rules.values().stream().sorted(Comparator
                .comparingInt((FaultRule r) -> -r.priority()).thenComparing(FaultRule::createdAt).thenComparing(FaultRule::id)));
    }

    @Override
    public Mono<FaultRule> find(String id) {
        return Mono.justOrEmpty(rules.get(id));
    }

    @Override
    public Mono<FaultRule> insert(FaultRule rule) {
        Instant now = Instant.now();
        FaultRule stored = rule.stored(1, now, now);
        return Mono.justOrEmpty(rules.putIfAbsent(rule.id(), stored) == null ? stored : null);
    }

    @Override
    public Mono<FaultRule> replace(FaultRule rule) {
        return Mono.justOrEmpty(rules.computeIfPresent(rule.id(),
                (id, old) -> rule.stored(old.version() + 1, old.createdAt(), Instant.now())));
    }

    @Override
    public Mono<Boolean> delete(String id) {
        return Mono.just(rules.remove(id) != null);
    }
}
