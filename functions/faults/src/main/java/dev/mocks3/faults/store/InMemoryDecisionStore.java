package dev.mocks3.faults.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Recordings in this JVM. */
public final class InMemoryDecisionStore implements DecisionStore {
    private final Map<String, Recording> recordings = new ConcurrentHashMap<>();
    private final Map<String, List<RecordedDecision>> decisions = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> start(Recording recording) {
        recordings.put(recording.id(), recording);
        decisions.put(recording.id(), new ArrayList<>());
        return Mono.empty();
    }

    @Override
    public Mono<Void> stop(String id, Instant at) {
        recordings.computeIfPresent(id, (k, r) -> new Recording(r.id(), r.name(), r.startedAt(), at));
        return Mono.empty();
    }

    @Override
    public Mono<Void> append(String recordingId, List<RecordedDecision> rows) {
        List<RecordedDecision> list = decisions.get(recordingId);
        if (list != null) {
            synchronized (list) {
                list.addAll(rows);
            }
        }
        return Mono.empty();
    }

    @Override
    public Mono<Recording> recording(String id) {
        return Mono.justOrEmpty(recordings.get(id));
    }

    @Override
    public Flux<RecordedDecision> decisions(String recordingId) {
        List<RecordedDecision> list = decisions.getOrDefault(recordingId, List.of());
        synchronized (list) {
            return Flux.fromIterable(List.copyOf(list));
        }
    }
}
