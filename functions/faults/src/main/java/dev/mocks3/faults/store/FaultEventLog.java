package dev.mocks3.faults.store;

import dev.mocks3.events.fault.FaultInjected;
import reactor.core.publisher.Mono;

/** The log of injected faults, shared by every instance. */
public interface FaultEventLog {

    Mono<Void> append(FaultInjected event);

    Mono<EventPage> find(EventQuery query);

    Mono<Long> clear();
}
