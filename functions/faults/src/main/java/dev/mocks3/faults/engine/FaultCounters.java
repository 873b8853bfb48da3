package dev.mocks3.faults.engine;

import reactor.core.publisher.Mono;

/**
 * Named counters shared by every instance (Redis), or by this JVM only. Request-count conditions
 * and trigger limits count here; names include the rule version, so a changed rule starts at zero.
 */
public interface FaultCounters {

    /** Adds one and answers the new value. */
    Mono<Long> increment(String name);

    /** Forgets every counter whose name starts with the prefix (a rule's counters when it is deleted). */
    Mono<Void> clear(String prefix);
}
