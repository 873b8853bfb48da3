package dev.mocks3.loadtests.faults;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.mocks3.faults.store.DecisionStore;
import dev.mocks3.faults.store.RecordedDecision;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A decision store that only counts: the benchmark measures the request path, not the database. */
final class DiscardedDecisions implements DecisionStore {
    private final AtomicLong written = new AtomicLong();

    @Override
    public Mono<Void> start(Recording recording) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> stop(String id, Instant at) {
        return Mono.empty();
    }

    @Override
    public Mono<Void> append(String recordingId, List<RecordedDecision> decisions) {
        written.addAndGet(decisions.size());
        return Mono.empty();
    }

    @Override
    public Mono<Recording> recording(String id) {
        return Mono.empty();
    }

    @Override
    public Flux<RecordedDecision> decisions(String recordingId) {
        return Flux.empty();
    }
}
