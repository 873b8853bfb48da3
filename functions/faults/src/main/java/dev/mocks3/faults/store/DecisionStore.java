package dev.mocks3.faults.store;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where recordings of rule decisions are kept (PostgreSQL; in memory without a database). */
public interface DecisionStore {

    /** A recording: its id, name and when it started and stopped (null while it runs). */
    record Recording(String id, String name, Instant startedAt, Instant stoppedAt) {
    }

    Mono<Void> start(Recording recording);

    Mono<Void> stop(String id, Instant at);

    Mono<Void> append(String recordingId, List<RecordedDecision> decisions);

    Mono<Recording> recording(String id);

    /** The recording's decisions in the order they were made. */
    Flux<RecordedDecision> decisions(String recordingId);
}
