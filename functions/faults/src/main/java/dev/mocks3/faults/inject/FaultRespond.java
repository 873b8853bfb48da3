package dev.mocks3.faults.inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.ConnectionDrop;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Function;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.RequestFacts;
import dev.mocks3.faults.engine.RuleEngine;
import dev.mocks3.faults.engine.RuleEvaluator;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.faults.rule.Phase;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.RuleCache;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code faultRespond} stage, after the operation: the write is committed, the response is
 * ready. Applies the after-phase actions faultCheck left (error, delay, reset, timeout) and the
 * body actions on the response (truncate, corrupt, wrong ETag, bandwidth, slice, slow first byte);
 * decides the rules that needed the response's size; keeps and serves stale reads.
 */
public final class FaultRespond implements S3Function {
    private final RuleCache cache;
    private final RuleEvaluator evaluator;
    private final FaultStats stats;
    private final FaultRecorder recorder;
    private final StaleReads staleReads;
    private final Clock clock;

    public FaultRespond(RuleCache cache, RuleEvaluator evaluator, FaultStats stats, FaultRecorder recorder,
                        StaleReads staleReads, Clock clock) {
        this.cache = cache;
        this.evaluator = evaluator;
        this.stats = stats;
        this.recorder = recorder;
        this.staleReads = staleReads;
        this.clock = clock;
    }

    @Override
    public Mono<S3Call> apply(S3Call call) {
        List<Pending> after = call.attribute(FaultCheck.AFTER);
        List<CompiledRule> deferred = call.attribute(FaultCheck.DEFERRED);
        RuleEngine engine = cache.engine();
        boolean stale = engine.hasStaleReads() && call.response() != null
                && (StaleReads.READS.contains(call.operation()) || StaleReads.LISTS.contains(call.operation()));
        if (after == null && deferred == null && !stale) {
            return Mono.just(call);
        }
        RequestFacts facts = RequestFacts.after(call, clock.millis());
        Mono<S3Call> result = Mono.just(call);
        if (stale) {
            result = result.flatMap(c -> serveStale(c, facts, engine));
        }
        if (deferred != null) {
            result = result.flatMap(c -> decideDeferred(deferred, facts)
                    .map(more -> {
                        List<Pending> all = new ArrayList<>(after == null ? List.of() : after);
                        all.addAll(more);
                        return all;
                    })
                    .flatMap(all -> applyAll(c, all, facts)));
        } else if (after != null) {
            result = result.flatMap(c -> applyAll(c, after, facts));
        }
        return result;
    }

    private Mono<List<Pending>> decideDeferred(List<CompiledRule> deferred, RequestFacts facts) {
        return Flux.fromIterable(deferred)
                .filter(rule -> rule.inScope(facts))
                .doOnNext(rule -> stats.matched(rule.id()))
                .concatMap(rule -> evaluator.fires(rule, facts).filter(Boolean::booleanValue).map(f -> rule))
                .map(rule -> new Pending(rule, rule.rule().action()))
                .collectList();
    }

    private Mono<S3Call> applyAll(S3Call call, List<Pending> pending, RequestFacts facts) {
        Mono<S3Call> result = Mono.just(call);
        for (Pending p : pending) {
            result = result.flatMap(c -> applyOne(c, p, facts));
        }
        return result;
    }

    private Mono<S3Call> applyOne(S3Call call, Pending p, RequestFacts facts) {
        CompiledRule rule = p.rule();
        FaultAction action = p.action();
        S3Response response = call.response();
        if (action instanceof FaultAction.StaleRead s) {
            StaleSnapshot snapshot = call.attribute(FaultCheck.STALE);
            if (snapshot == null || response == null || response.status() >= 300) {
                return Mono.just(call);
            }
            recorder.record(rule, action, Phase.AFTER, facts, "reads stale for " + s.window().toMillis() + "ms",
                    Map.of("window_ms", s.window().toMillis(), "previously_existed", snapshot.exists()));
            return staleReads.snapshots().put(facts.bucket(), facts.key(), snapshot, s.window()).thenReturn(call);
        }
        if (action instanceof FaultAction.Delay d) {
            Duration wait = rule.sample(d.delay());
            recorder.record(rule, action, Phase.AFTER, facts, "delayed " + wait.toMillis() + "ms",
                    Map.of("delay_ms", wait.toMillis()));
            return Mono.delay(wait).thenReturn(call);
        }
        if (action instanceof FaultAction.HttpError e) {
            recorder.record(rule, action, Phase.AFTER, facts, e.status() + " " + e.code() + " after the operation",
                    Map.of("status", e.status(), "code", e.code()));
            return Mono.error(S3Exception.custom(e.status(), e.code(), e.message()));
        }
        if (action instanceof FaultAction.Timeout t) {
            recorder.record(rule, action, Phase.AFTER, facts, "dropped after " + t.after().toMillis() + "ms",
                    Map.of("after_ms", t.after().toMillis()));
            return Mono.delay(t.after()).then(Mono.error(new ConnectionDrop("timeout fault of rule " + rule.id())));
        }
        if (action instanceof FaultAction.Reset r && (r.afterBytes() == null || response == null)) {
            recorder.record(rule, action, Phase.AFTER, facts, "connection reset after the operation", Map.of());
            return Mono.error(new ConnectionDrop("reset fault of rule " + rule.id()));
        }
        if (response == null) {
            return Mono.just(call);
        }
        return Mono.just(call.withResponse(respond(rule, action, response, facts)));
    }

    /** Body and header actions on the operation's response. */
    private S3Response respond(CompiledRule rule, FaultAction action, S3Response response, RequestFacts facts) {
        long length = response.headers().getContentLength();
        if (action instanceof FaultAction.Reset r) {
            recorder.record(rule, action, Phase.AFTER, facts, "reset after " + r.afterBytes() + " bytes",
                    Map.of("after_bytes", r.afterBytes()));
            return response.withBody(BodyFaults.cutAfter(response.body(), r.afterBytes(),
                    () -> new ConnectionDrop("reset fault of rule " + rule.id())));
        }
        if (action instanceof FaultAction.Truncate t) {
            long keep = t.keepBytes() != null ? t.keepBytes() : length < 0 ? 0 : (long) Math.floor(length * t.ratio());
            if (length >= 0) {
                keep = Math.min(keep, Math.max(0, length - 1));
            }
            recorder.record(rule, action, Phase.AFTER, facts, "sent " + keep + " of " + length + " bytes",
                    Map.of("sent_bytes", keep, "content_length", length));
            return response.withBody(BodyFaults.cutAfter(response.body(), keep,
                    () -> new ConnectionDrop("truncate fault of rule " + rule.id())));
        }
        if (action instanceof FaultAction.Corrupt c && c.target() == FaultAction.CorruptTarget.ETAG) {
            String etag = response.headers().getETag();
            if (etag == null) {
                return response;
            }
            String wrong = wrongEtag(etag);
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(response.headers());
            headers.set(HttpHeaders.ETAG, wrong);
            recorder.record(rule, action, Phase.AFTER, facts, "ETag " + etag + " answered as " + wrong,
                    Map.of("etag", etag, "answered", wrong));
            return new S3Response(response.status(), headers, response.body());
        }
        if (action instanceof FaultAction.Corrupt c) {
            long[] offsets = BodyFaults.flipOffsets(length, c.bytes(), c.offset());
            recorder.record(rule, action, Phase.AFTER, facts, "flipped " + c.bytes() + " byte(s)",
                    Map.of("offsets", offsets));
            return response.withBody(BodyFaults.flip(response.body(), offsets));
        }
        if (action instanceof FaultAction.Bandwidth b) {
            recorder.record(rule, action, Phase.AFTER, facts, "sent at " + b.bytesPerSecond() + " B/s",
                    Map.of("bytes_per_second", b.bytesPerSecond()));
            return response.withBody(BodyFaults.bandwidth(response.body(), b.bytesPerSecond()));
        }
        if (action instanceof FaultAction.Slice s) {
            recorder.record(rule, action, Phase.AFTER, facts, "sent in " + s.chunkSize() + "-byte slices",
                    Map.of("chunk_size", s.chunkSize(), "pause_ms", s.pause().toMillis()));
            return response.withBody(BodyFaults.slice(response.body(), s.chunkSize(), s.pause()));
        }
        if (action instanceof FaultAction.SlowFirstByte s) {
            Duration wait = rule.sample(s.delay());
            recorder.record(rule, action, Phase.AFTER, facts, "first byte after " + wait.toMillis() + "ms",
                    Map.of("delay_ms", wait.toMillis()));
            return response.withBody(BodyFaults.delayFirst(response.body(), wait));
        }
        return response;
    }

    /** Same shape, different value: the last hex digit of the ETag changed. */
    static String wrongEtag(String etag) {
        int i = etag.length() - 1;
        while (i >= 0 && Character.digit(etag.charAt(i), 16) < 0) {
            i--;
        }
        if (i < 0) {
            return "\"00000000000000000000000000000000\"";
        }
        char c = etag.charAt(i);
        char swapped = c == '0' ? '1' : '0';
        return etag.substring(0, i) + swapped + etag.substring(i + 1);
    }

    private Mono<S3Call> serveStale(S3Call call, RequestFacts facts, RuleEngine engine) {
        if (StaleReads.LISTS.contains(call.operation())) {
            if (facts.bucket() == null) {
                return Mono.just(call);
            }
            return staleReads.snapshots().inBucket(facts.bucket()).flatMap(stale -> {
                stale.values().stream().map(StaleSnapshot::rule).distinct().forEach(id -> recordStale(id, facts, engine,
                        "listing shows " + stale.size() + " key(s) as before"));
                return staleReads.rewriteListing(call, stale);
            });
        }
        if (facts.key() == null || call.response().status() >= 300 && call.response().status() != 404) {
            return Mono.just(call);
        }
        return staleReads.snapshots().get(facts.bucket(), facts.key())
                .flatMap(snapshot -> {
                    recordStale(snapshot.rule(), facts, engine,
                            snapshot.exists() ? "previous version served" : "NoSuchKey served (key was new)");
                    return staleReads.serve(call, snapshot);
                })
                .defaultIfEmpty(call);
    }

    private void recordStale(String ruleId, RequestFacts facts, RuleEngine engine, String outcome) {
        CompiledRule rule = engine.byId(ruleId);
        if (rule != null) {
            recorder.record(rule, rule.rule().action(), Phase.AFTER, facts, outcome, Map.of());
        }
    }
}
