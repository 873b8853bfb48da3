package dev.mocks3.faults.inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;

import dev.mocks3.core.call.ConnectionDrop;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Function;
import dev.mocks3.core.call.S3Response;
import dev.mocks3.core.error.S3Error;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.Decision;
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

    /** As every stage; besides, a read the operation answered NoSuchKey may be served from a stale_read snapshot. */
    @Override
    public Function<Mono<S3Call>, Mono<S3Call>> asFunction() {
        // only while a stale_read rule exists does a request carry its call past a failed operation
        return calls -> cache.engine().hasStaleReads()
                ? CallBeforeOperation.recovering(calls.flatMap(this::apply), this::staleAfterMissingKey)
                : calls.flatMap(this::apply);
    }

    /** A key deleted within a stale_read window still reads as the object it was, for GET and HEAD. */
    private Mono<S3Call> staleAfterMissingKey(S3Call call, S3Exception error) {
        RuleEngine engine = cache.engine();
        if (!S3Error.NO_SUCH_KEY.code().equals(error.code()) || !engine.hasStaleReads()
                || !StaleReads.READS.contains(call.operation())) {
            return Mono.error(error);
        }
        S3Call missing = call.withResponse(new S3Response(404, new HttpHeaders(), Flux.empty()));
        return serveStale(missing, RequestFacts.after(missing, clock.millis()), engine)
                .flatMap(served -> served.response().status() == 404 ? Mono.<S3Call>error(error) : Mono.just(served));
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
                .concatMap(rule -> evaluator.decide(rule, facts).filter(Decision::fired))
                .map(d -> new Pending(d, d.rule().rule().action()))
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
        return p.action().match(new AfterOperation(call, p.decision(), facts));
    }

    /** Each action after the operation: on the outcome (error, delay, drop) or on the response it carries. */
    private final class AfterOperation implements FaultAction.Cases<Mono<S3Call>> {
        private final S3Call call;
        private final CompiledRule rule;
        private final Decision decision;
        private final RequestFacts facts;
        private final S3Response response;

        AfterOperation(S3Call call, Decision decision, RequestFacts facts) {
            this.call = call;
            this.rule = decision.rule();
            this.decision = decision;
            this.facts = facts;
            this.response = call.response();
        }

        private void record(FaultAction action, String outcome, Map<String, Object> detail) {
            recorder.record(rule, action, Phase.AFTER, facts, outcome, detail);
        }

        private ConnectionDrop drop(String fault) {
            return new ConnectionDrop(fault + " fault of rule " + rule.id());
        }

        /** A body or header change: only when the operation produced a response. */
        private Mono<S3Call> respond(Function<S3Response, S3Response> change) {
            return Mono.just(response == null ? call : call.withResponse(change.apply(response)));
        }

        private long length() {
            return response.headers().getContentLength();
        }

        @Override
        public Mono<S3Call> httpError(FaultAction.HttpError e) {
            record(e, e.status() + " " + e.code() + " after the operation", Map.of("status", e.status(), "code", e.code()));
            return Mono.error(S3Exception.custom(e.status(), e.code(), e.message()));
        }

        @Override
        public Mono<S3Call> delay(FaultAction.Delay d) {
            Duration wait = decision.sample(d.delay());
            record(d, "delayed " + wait.toMillis() + "ms", Map.of("delay_ms", wait.toMillis()));
            return Mono.delay(wait).thenReturn(call);
        }

        /** Throttles act before the operation only. */
        @Override
        public Mono<S3Call> throttle(FaultAction.Throttle t) {
            return Mono.just(call);
        }

        @Override
        public Mono<S3Call> bandwidth(FaultAction.Bandwidth b) {
            return respond(r -> {
                record(b, "sent at " + b.bytesPerSecond() + " B/s", Map.of("bytes_per_second", b.bytesPerSecond()));
                return r.withBody(BodyFaults.bandwidth(r.body(), b.bytesPerSecond()));
            });
        }

        @Override
        public Mono<S3Call> reset(FaultAction.Reset reset) {
            if (reset.afterBytes() == null || response == null) {
                record(reset, "connection reset (RST) after the operation", Map.of());
                return Mono.error(ConnectionDrop.reset("reset fault of rule " + rule.id()));
            }
            return respond(r -> {
                record(reset, "reset after " + reset.afterBytes() + " bytes", Map.of("after_bytes", reset.afterBytes()));
                return r.withBody(BodyFaults.cutAfter(r.body(), reset.afterBytes(), () -> drop("reset")));
            });
        }

        @Override
        public Mono<S3Call> timeout(FaultAction.Timeout t) {
            record(t, "dropped after " + t.after().toMillis() + "ms", Map.of("after_ms", t.after().toMillis()));
            return Mono.delay(t.after()).then(Mono.error(drop("timeout")));
        }

        @Override
        public Mono<S3Call> truncate(FaultAction.Truncate t) {
            return respond(r -> {
                long length = length();
                long keep = t.keepBytes() != null ? t.keepBytes() : length < 0 ? 0 : (long) Math.floor(length * t.ratio());
                if (length >= 0) {
                    keep = Math.min(keep, Math.max(0, length - 1));
                }
                record(t, "sent " + keep + " of " + length + " bytes", Map.of("sent_bytes", keep, "content_length", length));
                return r.withBody(BodyFaults.cutAfter(r.body(), keep, () -> drop("truncate")));
            });
        }

        @Override
        public Mono<S3Call> corrupt(FaultAction.Corrupt c) {
            return respond(r -> c.target() == FaultAction.CorruptTarget.ETAG ? wrongEtag(c, r) : flip(c, r));
        }

        private S3Response wrongEtag(FaultAction.Corrupt c, S3Response r) {
            String etag = r.headers().getETag();
            if (etag == null) {
                return r;
            }
            String wrong = FaultRespond.wrongEtag(etag);
            HttpHeaders headers = new HttpHeaders();
            headers.addAll(r.headers());
            headers.set(HttpHeaders.ETAG, wrong);
            record(c, "ETag " + etag + " answered as " + wrong, Map.of("etag", etag, "answered", wrong));
            return new S3Response(r.status(), headers, r.body());
        }

        private S3Response flip(FaultAction.Corrupt c, S3Response r) {
            long[] offsets = BodyFaults.flipOffsets(length(), c.bytes(), c.offset());
            record(c, "flipped " + c.bytes() + " byte(s)", Map.of("offsets", offsets));
            return r.withBody(BodyFaults.flip(r.body(), offsets));
        }

        /** Keeps the snapshot taken before the write, once the write succeeded. */
        @Override
        public Mono<S3Call> staleRead(FaultAction.StaleRead s) {
            StaleSnapshot snapshot = call.attribute(FaultCheck.STALE);
            if (snapshot == null || response == null || response.status() >= 300) {
                return Mono.just(call);
            }
            record(s, "reads stale for " + s.window().toMillis() + "ms",
                    Map.of("window_ms", s.window().toMillis(), "previously_existed", snapshot.exists()));
            return staleReads.snapshots().put(facts.bucket(), facts.key(), snapshot, s.window()).thenReturn(call);
        }

        @Override
        public Mono<S3Call> slowFirstByte(FaultAction.SlowFirstByte s) {
            return respond(r -> {
                Duration wait = decision.sample(s.delay());
                record(s, "first byte after " + wait.toMillis() + "ms", Map.of("delay_ms", wait.toMillis()));
                return r.withBody(BodyFaults.delayFirst(r.body(), wait));
            });
        }

        @Override
        public Mono<S3Call> slice(FaultAction.Slice s) {
            return respond(r -> {
                record(s, "sent in " + s.chunkSize() + "-byte slices",
                        Map.of("chunk_size", s.chunkSize(), "pause_ms", s.pause().toMillis()));
                return r.withBody(BodyFaults.slice(r.body(), s.chunkSize(), s.pause()));
            });
        }

        /** Delivery-only actions: validation keeps them off S3 requests. */
        @Override
        public Mono<S3Call> drop(FaultAction.Drop d) {
            return Mono.just(call);
        }

        /** Before the operation only. */
        @Override
        public Mono<S3Call> down(FaultAction.Down d) {
            return Mono.just(call);
        }

        @Override
        public Mono<S3Call> duplicate(FaultAction.Duplicate d) {
            return Mono.just(call);
        }

        @Override
        public Mono<S3Call> slowClose(FaultAction.SlowClose s) {
            return respond(r -> {
                record(s, "closed " + s.delay().toMillis() + "ms after the answer", Map.of("delay_ms", s.delay().toMillis()));
                HttpHeaders headers = new HttpHeaders();
                headers.addAll(r.headers());
                headers.set(HttpHeaders.CONNECTION, "close");
                return new S3Response(r.status(), headers, r.body().concatWith(Mono.delay(s.delay()).then(Mono.empty())));
            });
        }

        /** Before the operation only. */
        @Override
        public Mono<S3Call> uploadLatency(FaultAction.UploadLatency u) {
            return Mono.just(call);
        }

        /** Before the operation only. */
        @Override
        public Mono<S3Call> refuseContinue(FaultAction.RefuseContinue r) {
            return Mono.just(call);
        }

        @Override
        public Mono<S3Call> stall(FaultAction.Stall s) {
            return respond(r -> {
                record(s, "body held " + s.duration().toMillis() + "ms after " + s.afterBytes() + " bytes",
                        Map.of("after_bytes", s.afterBytes(), "duration_ms", s.duration().toMillis()));
                return r.withBody(BodyFaults.holdAfter(r.body(), s.afterBytes(), s.duration()));
            });
        }
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
                return Mono.just(staleReads.rewriteListing(call, stale));
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
