package dev.mocks3.faults.store;

import dev.mocks3.faults.rule.FaultRule;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where rules live (PostgreSQL; in memory for tests). Versions and timestamps are set by the store. */
public interface RuleStore {

    Flux<FaultRule> all();

    Mono<FaultRule> find(String id);

    /** Stores a new rule at version 1; empty if the id is taken. */
    Mono<FaultRule> insert(FaultRule rule);

    /** Replaces a stored rule with the next version; empty if there is no rule with that id. */
    Mono<FaultRule> replace(FaultRule rule);

    Mono<Boolean> delete(String id);
}
