package dev.mocks3.state.outbox;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** Tells this instance's dispatcher that a row was committed, so it looks now rather than at its next poll. */
public final class OutboxSignal {
    private final Sinks.Many<Boolean> wakeups = Sinks.many().multicast().directBestEffort();

    public void wake() {
        wakeups.tryEmitNext(Boolean.TRUE);
    }

    Flux<Boolean> wakeups() {
        return wakeups.asFlux();
    }
}
