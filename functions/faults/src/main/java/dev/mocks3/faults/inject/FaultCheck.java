package dev.mocks3.faults.inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.core.call.ConnectionDrop;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Function;
import dev.mocks3.core.error.S3Exception;
import dev.mocks3.faults.FaultsProperties;
import dev.mocks3.faults.engine.CompiledRule;
import dev.mocks3.faults.engine.Decision;
import dev.mocks3.faults.engine.RequestFacts;
import dev.mocks3.faults.engine.RuleEngine;
import dev.mocks3.faults.engine.RuleEvaluator;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.InvalidRuleException;
import dev.mocks3.faults.rule.Phase;
import dev.mocks3.faults.rule.RuleJson;
import dev.mocks3.faults.rule.ServiceStage;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.RuleCache;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code faultCheck} stage, before the operation. Finds the rules in scope (cheap, no I/O when
 * none is), decides which fire, runs the before-phase actions (delay, error, throttle, reset,
 * timeout, and wrapping the upload body), and leaves the after-phase actions in the call's
 * attributes for {@link FaultRespond}.
 */
public final class FaultCheck implements S3Function {
    static final String AFTER = "mocks3.faults.after";
    static final String DEFERRED = "mocks3.faults.deferred";
    static final String STALE = "mocks3.faults.stale";

    private final RuleCache cache;
    private final RuleEvaluator evaluator;
    private final FaultStats stats;
    private final FaultRecorder recorder;
    private final Throttles throttles;
    private final StaleReads staleReads;
    private final boolean headerFaults;
    private final Clock clock;
    private final ObjectMapper mapper = new ObjectMapper();

    public FaultCheck(RuleCache cache, RuleEvaluator evaluator, FaultStats stats, FaultRecorder recorder,
                      Throttles throttles, StaleReads staleReads, boolean headerFaults, Clock clock) {
        this.cache = cache;
        this.evaluator = evaluator;
        this.stats = stats;
        this.recorder = recorder;
        this.throttles = throttles;
        this.staleReads = staleReads;
        this.headerFaults = headerFaults;
        this.clock = clock;
    }

    /** As every stage, noting the call it passes to the operation for {@link FaultRespond}. */
    @Override
    public Function<Mono<S3Call>, Mono<S3Call>> asFunction() {
        Function<Mono<S3Call>, Mono<S3Call>> plain = S3Function.super.asFunction();
        Function<Mono<S3Call>, Mono<S3Call>> remembering = CallBeforeOperation.remembering(plain);
        return calls -> cache.engine().hasStaleReads() ? remembering.apply(calls) : plain.apply(calls);
    }

    @Override
    public Mono<S3Call> apply(S3Call call) {
        RuleEngine engine = cache.engine();
        CompiledRule[] candidates = engine.candidates(call.operation());
        String asked = headerFaults ? call.request().header(FaultsProperties.FAULT_HEADER) : null;
        if (candidates.length == 0 && asked == null) {
            return Mono.just(call);
        }
        RequestFacts facts = RequestFacts.before(call, clock.millis());
        List<CompiledRule> inScope = null;
        Decision asking = null;
        List<CompiledRule> deferred = null;
        if (asked != null) {
            inScope = new ArrayList<>();
            try {
                CompiledRule header = headerRule(asked);
                inScope.add(header);
                asking = Decision.forced(header, ThreadLocalRandom.current().nextLong());
            } catch (InvalidRuleException e) {
                return Mono.error(S3Exception.custom(400, "InvalidArgument",
                        FaultsProperties.FAULT_HEADER + ": " + e.getMessage()));
            }
        }
        for (CompiledRule rule : candidates) {
            if (rule.decidedAfter(facts)) {
                // the size, or where the answer came from, is only known from the response: decide in faultRespond
                if (deferred == null) {
                    deferred = new ArrayList<>();
                }
                deferred.add(rule);
            } else if (rule.inScope(facts)) {
                stats.matched(rule.id());
                if (inScope == null) {
                    inScope = new ArrayList<>();
                }
                inScope.add(rule);
            }
        }
        S3Call withDeferred = deferred == null ? call : call.withAttribute(DEFERRED, List.copyOf(deferred));
        if (inScope == null) {
            return Mono.just(withDeferred);
        }
        Plan plan = new Plan(withDeferred);
        Decision forced = asking;
        return Flux.fromIterable(inScope)
                .concatMap(rule -> Mono.defer(() -> plan.done() ? Mono.<Void>empty()
                        : (forced != null && forced.rule() == rule ? Mono.just(forced) : evaluator.decide(rule, facts))
                        .flatMap(d -> d.fired() ? before(d, facts, plan) : Mono.empty())))
                .then(Mono.defer(plan::result));
    }

    /** Runs (or plans) one fired rule's action before the operation. */
    private Mono<Void> before(Decision decision, RequestFacts facts, Plan plan) {
        return decision.rule().rule().action().match(new BeforeOperation(decision, facts, plan));
    }

    /** Each action before the operation: done now, or left for faultRespond when it runs after. */
    private final class BeforeOperation implements FaultAction.Cases<Mono<Void>> {
        private final CompiledRule rule;
        private final Decision decision;
        private final RequestFacts facts;
        private final Plan plan;

        BeforeOperation(Decision decision, RequestFacts facts, Plan plan) {
            this.rule = decision.rule();
            this.decision = decision;
            this.facts = facts;
            this.plan = plan;
        }

        private Mono<Void> later(FaultAction action) {
            plan.after(new Pending(decision, action), null);
            return Mono.empty();
        }

        private Mono<Void> record(FaultAction action, String outcome, Map<String, Object> detail) {
            recorder.record(rule, action, Phase.BEFORE, facts, outcome, detail);
            return Mono.empty();
        }

        /** Before-phase actions on the upload body: they act as the server reads it. */
        private Mono<Void> upload(FaultAction action, Flux<DataBuffer> changed, String outcome, Map<String, Object> detail) {
            plan.call = plan.call.withRequest(plan.call.request().withBody(changed));
            return record(action, outcome, detail);
        }

        private Flux<DataBuffer> body() {
            return plan.call.request().body();
        }

        @Override
        public Mono<Void> httpError(FaultAction.HttpError e) {
            if (e.phase() == Phase.AFTER) {
                return later(e);
            }
            plan.fail(S3Exception.custom(e.status(), e.code(), e.message()));
            return record(e, e.status() + " " + e.code(), Map.of("status", e.status(), "code", e.code()));
        }

        @Override
        public Mono<Void> delay(FaultAction.Delay d) {
            if (d.phase() == Phase.AFTER) {
                return later(d);
            }
            Duration wait = decision.sample(d.delay());
            plan.delay = plan.delay.plus(wait);
            return record(d, "delayed " + wait.toMillis() + "ms", Map.of("delay_ms", wait.toMillis()));
        }

        @Override
        public Mono<Void> throttle(FaultAction.Throttle t) {
            return throttles.tryAcquire(throttleBucket(rule, t, facts), t.rate(), t.interval()).doOnNext(allowed -> {
                if (!allowed) {
                    record(t, t.status() + " " + t.code(), Map.of("status", t.status(), "code", t.code(), "rate", t.rate()));
                    plan.fail(S3Exception.custom(t.status(), t.code(), t.message()));
                }
            }).then();
        }

        @Override
        public Mono<Void> bandwidth(FaultAction.Bandwidth b) {
            if (b.phase() == Phase.AFTER) {
                return later(b);
            }
            return upload(b, BodyFaults.bandwidth(body(), b.bytesPerSecond()),
                    "upload read at " + b.bytesPerSecond() + " B/s", Map.of("bytes_per_second", b.bytesPerSecond()));
        }

        @Override
        public Mono<Void> reset(FaultAction.Reset r) {
            if (r.phase() == Phase.AFTER) {
                return later(r);
            }
            if (r.afterBytes() == null) {
                plan.fail(ConnectionDrop.reset("reset fault of rule " + rule.id()));
                return record(r, "connection reset (RST)", Map.of());
            }
            return upload(r, BodyFaults.cutAfter(body(), r.afterBytes(), () -> new ConnectionDrop("reset fault of rule " + rule.id())),
                    "reset after " + r.afterBytes() + " upload bytes", Map.of("after_bytes", r.afterBytes()));
        }

        @Override
        public Mono<Void> timeout(FaultAction.Timeout t) {
            if (t.phase() == Phase.AFTER) {
                return later(t);
            }
            plan.delay = plan.delay.plus(t.after());
            plan.fail(new ConnectionDrop("timeout fault of rule " + rule.id()));
            return record(t, "dropped after " + t.after().toMillis() + "ms", Map.of("after_ms", t.after().toMillis()));
        }

        @Override
        public Mono<Void> truncate(FaultAction.Truncate t) {
            return later(t);
        }

        @Override
        public Mono<Void> corrupt(FaultAction.Corrupt c) {
            if (c.phase() == Phase.AFTER) {
                return later(c);
            }
            long[] offsets = BodyFaults.flipOffsets(facts.size(), c.bytes(), c.offset());
            return upload(c, BodyFaults.flip(body(), offsets), "upload corrupted at " + c.bytes() + " byte(s)",
                    Map.of("offsets", offsets));
        }

        /** The snapshot of the key is taken before the write, and kept by faultRespond once it succeeded. */
        @Override
        public Mono<Void> staleRead(FaultAction.StaleRead stale) {
            if (!StaleReads.WRITES.contains(facts.operation())) {
                return Mono.empty();
            }
            return staleReads.capture(facts.call(), rule.id())
                    .doOnNext(snapshot -> plan.after(new Pending(decision, stale), snapshot))
                    .then();
        }

        @Override
        public Mono<Void> slowFirstByte(FaultAction.SlowFirstByte s) {
            return later(s);
        }

        @Override
        public Mono<Void> slice(FaultAction.Slice s) {
            if (s.phase() == Phase.AFTER) {
                return later(s);
            }
            return upload(s, BodyFaults.slice(body(), s.chunkSize(), s.pause()),
                    "upload read in " + s.chunkSize() + "-byte slices",
                    Map.of("chunk_size", s.chunkSize(), "pause_ms", s.pause().toMillis()));
        }

        /** Delivery-only actions: validation keeps them off S3 requests. */
        @Override
        public Mono<Void> drop(FaultAction.Drop d) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> duplicate(FaultAction.Duplicate d) {
            return Mono.empty();
        }

        @Override
        public Mono<Void> down(FaultAction.Down d) {
            plan.fail(ConnectionDrop.down("down fault of rule " + rule.id(), d.duration()));
            return record(d, "port down for " + d.duration().toMillis() + "ms", Map.of("duration_ms", d.duration().toMillis()));
        }

        @Override
        public Mono<Void> slowClose(FaultAction.SlowClose s) {
            return later(s);
        }

        @Override
        public Mono<Void> uploadLatency(FaultAction.UploadLatency u) {
            return upload(u, BodyFaults.delayEach(body(), () -> decision.sample(u.delay())), "upload chunks delayed",
                    Map.of());
        }

        /** Only a request that waits for 100 Continue is refused; its body is never read. */
        @Override
        public Mono<Void> refuseContinue(FaultAction.RefuseContinue r) {
            if (!"100-continue".equalsIgnoreCase(facts.header("expect"))) {
                return Mono.empty();
            }
            plan.fail(S3Exception.custom(r.status(), r.code(), "100-continue refused by a fault rule"));
            return record(r, r.status() + " " + r.code() + " instead of 100 Continue", Map.of("status", r.status()));
        }

        @Override
        public Mono<Void> stall(FaultAction.Stall s) {
            return later(s);
        }
    }

    private static String throttleBucket(CompiledRule rule, FaultAction.Throttle t, RequestFacts facts) {
        String base = rule.id() + ":" + rule.rule().version();
        String bucket = facts.bucket() == null ? "" : facts.bucket();
        return switch (t.per()) {
            case RULE -> base;
            case BUCKET -> base + ":b:" + bucket;
            case KEY -> base + ":k:" + facts.counterKey();
            case ACCESS_KEY -> base + ":a:" + facts.accessKey();
            case PREFIX -> base + ":p:" + bucket + "/" + prefix(facts.key(), t.prefixDepth());
        };
    }

    /** The first {@code depth} '/'-separated segments of the key. */
    static String prefix(String key, int depth) {
        if (key == null) {
            return "";
        }
        int at = -1;
        for (int i = 0; i < depth; i++) {
            int next = key.indexOf('/', at + 1);
            if (next < 0) {
                return key.substring(0, at + 1);
            }
            at = next;
        }
        return key.substring(0, at + 1);
    }

    /** The fault a request asked for itself: a JSON action, or {@code type;key=value;...}. */
    private CompiledRule headerRule(String value) {
        ObjectNode node;
        String v = value.trim();
        if (v.startsWith("{")) {
            node = (ObjectNode) RuleJson.parse(mapper, v);
        } else {
            node = mapper.createObjectNode();
            String[] parts = v.split(";");
            node.put("type", parts[0].trim());
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String text = kv.length == 2 ? kv[1].trim() : "";
                if (text.matches("-?\\d+")) {
                    node.put(kv[0].trim(), Long.parseLong(text));
                } else if (text.matches("-?\\d*\\.\\d+")) {
                    node.put(kv[0].trim(), Double.parseDouble(text));
                } else {
                    node.put(kv[0].trim(), text);
                }
            }
        }
        FaultAction action = RuleJson.action(node, "action");
        return CompiledRule.standalone(new FaultRule(FaultsProperties.FAULT_HEADER, FaultsProperties.FAULT_HEADER + " header",
                null, ServiceStage.GATEWAY, true, Integer.MAX_VALUE, List.of(), action, null, Map.of(), 0, null, null));
    }

    /** What the fired rules add up to, in priority order; the first failure ends it. */
    private static final class Plan {
        S3Call call;
        Duration delay = Duration.ZERO;
        Throwable failure;
        List<Pending> after;
        StaleSnapshot stale;

        Plan(S3Call call) {
            this.call = call;
        }

        boolean done() {
            return failure != null;
        }

        void fail(Throwable e) {
            failure = e;
        }

        void after(Pending pending, StaleSnapshot snapshot) {
            if (after == null) {
                after = new ArrayList<>();
            }
            after.add(pending);
            if (snapshot != null) {
                stale = snapshot;
            }
        }

        Mono<S3Call> result() {
            S3Call out = call;
            if (after != null) {
                out = out.withAttribute(AFTER, List.copyOf(after));
            }
            if (stale != null) {
                out = out.withAttribute(STALE, stale);
            }
            Mono<S3Call> result = failure != null ? Mono.error(failure) : Mono.just(out);
            return delay.isZero() ? result : Mono.delay(delay).then(result);
        }
    }
}
