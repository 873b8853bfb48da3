package dev.mocks3.faults.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.Decision;
import dev.mocks3.faults.engine.DecisionJournal;
import dev.mocks3.faults.engine.RequestFacts;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Recording and replay of rule decisions, for this instance. Off by default: then the evaluator
 * asks two volatile reads per decision and nothing else. While a recording runs each decision is
 * queued on the request path and written in batches off it; while a replay runs each decision is
 * the recorded one for the same rule, request and attempt (none recorded: the rule does not fire).
 * Starting either begins a new run, so attempts count from 1 again.
 */
public final class DecisionRecorder implements DecisionJournal {
    private static final Logger log = LoggerFactory.getLogger(DecisionRecorder.class);
    /** Decisions queued and not yet written beyond this are dropped (and counted), so memory stays bounded. */
    private static final int MAX_QUEUED = 200_000;
    private static final int BATCH = 2_000;

    /** A replay in force: the recorded decisions by rule, request and attempt, and how many were asked for. */
    public record Replay(String id, String source, Map<String, Replayed> decisions, AtomicLong found, AtomicLong missing) {
    }

    private final DecisionStore store;
    private final Clock clock;
    private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private volatile DecisionStore.Recording recording;
    private volatile Replay replay;
    private volatile String run = "0";
    private Disposable writer;
    /** The last write: writes run one after the other, so one that completes has everything before it written. */
    private Mono<Void> lastWrite = Mono.empty();

    private record Queued(String recordingId, RecordedDecision decision) {
    }

    public DecisionRecorder(DecisionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void start(Duration writeEvery) {
        if (writer == null) {
            writer = Flux.interval(writeEvery).onBackpressureDrop()
                    .concatMap(t -> write().onErrorResume(e -> {
                        log.warn("recorded decisions not written: {}", e.toString());
                        return Mono.empty();
                    })).subscribe();
        }
    }

    public void stop() {
        if (writer != null) {
            writer.dispose();
            writer = null;
            write().onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
        }
    }

    @Override
    public String run() {
        return run;
    }

    @Override
    public boolean recording() {
        return recording != null;
    }

    @Override
    public boolean replaying() {
        return replay != null;
    }

    @Override
    public void record(Decision d, RequestFacts facts) {
        DecisionStore.Recording into = recording;
        if (into == null) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        int part = facts.partNumber();
        queue.add(new Queued(into.id(), new RecordedDecision(clock.instant(), facts.request().requestId(), d.rule().id(), d.rule().rule().version(),
                facts.operation().s3Name(), facts.bucket(), facts.key(), part < 0 ? null : part, facts.uploadId(),
                d.attempt(), Double.isNaN(d.draw()) ? null : d.draw(), d.seed(), d.fired())));
    }

    @Override
    public Replayed replayed(CompiledRule rule, RequestFacts facts, long attempt) {
        Replay r = replay;
        Replayed found = r == null ? null : r.decisions().get(RecordedDecision.replayKey(rule.id(), facts.identity(), attempt));
        if (found == null) {
            if (r != null) {
                r.missing().incrementAndGet();
            }
            return Replayed.NONE;
        }
        r.found().incrementAndGet();
        return found;
    }

    /** Starts a recording (ending any replay or recording under way). */
    public synchronized Mono<DecisionStore.Recording> startRecording(String name) {
        DecisionStore.Recording next = new DecisionStore.Recording("rec-" + UUID.randomUUID().toString().substring(0, 13),
                name, clock.instant(), null);
        return stopRecording().then(store.start(next)).then(Mono.fromSupplier(() -> {
            synchronized (this) {
                replay = null;
                run = next.id();
                recording = next;
            }
            return next;
        }));
    }

    /** Stops the recording under way, once its decisions are written; empty when none runs. */
    public Mono<DecisionStore.Recording> stopRecording() {
        DecisionStore.Recording current;
        synchronized (this) {
            current = recording;
            recording = null;
        }
        if (current == null) {
            return Mono.empty();
        }
        return write().then(store.stop(current.id(), clock.instant())).then(store.recording(current.id()));
    }

    /** The recording under way, or null. */
    public DecisionStore.Recording current() {
        return recording;
    }

    /** A recording and its decisions, all written first if it is the one under way. */
    public Mono<Map.Entry<DecisionStore.Recording, List<RecordedDecision>>> export(String id) {
        return write().then(store.recording(id))
                .flatMap(r -> store.decisions(id).collectList().map(list -> Map.entry(r, list)));
    }

    /** Replays these decisions from now on (ending any recording); answers the replay. */
    public Mono<Replay> startReplay(String source, List<RecordedDecision> decisions) {
        Map<String, Replayed> byRequest = new HashMap<>();
        for (RecordedDecision d : decisions) {
            byRequest.put(d.replayKey(), new Replayed(d.fired(), d.seed()));
        }
        Replay next = new Replay("replay-" + UUID.randomUUID().toString().substring(0, 13), source, Map.copyOf(byRequest),
                new AtomicLong(), new AtomicLong());
        return stopRecording().then(Mono.fromSupplier(() -> {
            synchronized (this) {
                run = next.id();
                replay = next;
            }
            return next;
        }));
    }

    /** Ends the replay under way; answers it, or null. */
    public synchronized Replay stopReplay() {
        Replay r = replay;
        replay = null;
        run = "0";
        return r;
    }

    public Replay currentReplay() {
        return replay;
    }

    /** Decisions not recorded because the write queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Writes what is queued, in batches, after the writes before it. */
    private synchronized Mono<Void> write() {
        Mono<Void> next = lastWrite.onErrorResume(e -> Mono.empty()).then(Mono.defer(this::drain)).cache();
        lastWrite = next;
        return next;
    }

    private Mono<Void> drain() {
        List<Queued> batch = new ArrayList<>();
        Mono<Void> writes = Mono.empty();
        for (Queued q; (q = queue.poll()) != null; ) {
            queued.decrementAndGet();
            if (!batch.isEmpty() && (batch.size() == BATCH || !batch.get(0).recordingId().equals(q.recordingId()))) {
                writes = writes.then(append(batch));
                batch = new ArrayList<>();
            }
            batch.add(q);
        }
        return batch.isEmpty() ? writes : writes.then(append(batch));
    }

    private Mono<Void> append(List<Queued> batch) {
        return Mono.defer(() -> store.append(batch.get(0).recordingId(), batch.stream().map(Queued::decision).toList()));
    }
}
