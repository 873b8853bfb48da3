package dev.mocks3.faults.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.RuleNotFoundException;
import dev.mocks3.faults.store.RuleService;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs scenarios on this instance: puts each phase's rules in force (as rules labelled with the
 * scenario, so every instance applies them), advances phases on the scenario's clock (real time
 * times {@code speed}), steps ramps, and checks guards. Every change of a run happens on one
 * serial queue, so a tick and a command never interleave.
 */
public final class ScenarioRunner {
    private static final Logger log = LoggerFactory.getLogger(ScenarioRunner.class);
    public static final String LABEL = "mocks3.scenario";

    public enum State { RUNNING, PAUSED, STOPPED, HALTED, FINISHED }

    /** One run of a scenario. Mutated only on the serial queue. */
    public static final class Run {
        final Scenario scenario;
        final double speed;
        State state = State.RUNNING;
        int phase = -1;
        long cycle;
        long elapsedMillis;
        long lastTickNanos;
        String reason;
        final Map<String, Long> baseline;
        final Map<String, Double> rampApplied = new HashMap<>();
        /** (scenario ms, matched, injected) since the run began, for failure-share guards; starts at zero. */
        final List<long[]> samples = new ArrayList<>(List.of(new long[]{0, 0, 0}));

        Run(Scenario scenario, double speed, Map<String, Long> baseline, long now) {
            this.scenario = scenario;
            this.speed = speed;
            this.baseline = baseline;
            this.lastTickNanos = now;
        }

        public Scenario scenario() { return scenario; }
        public double speed() { return speed; }
        public State state() { return state; }
        public int phase() { return phase; }
        public long cycle() { return cycle; }
        public long elapsedMillis() { return elapsedMillis; }
        public String reason() { return reason; }

        /** Scenario time left in the current phase. */
        public long phaseLeftMillis() {
            if (phase < 0) {
                return 0;
            }
            long round = scenario.length().toMillis();
            long inRound = scenario.repeat() ? elapsedMillis % round : Math.min(elapsedMillis, round);
            long end = 0;
            for (int i = 0; i <= phase; i++) {
                end += scenario.phases().get(i).duration().toMillis();
            }
            return Math.max(0, end - inRound);
        }
    }

    private final RuleService rules;
    private final FaultStats stats;
    private final LongSupplier nanos;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final Sinks.Many<Mono<?>> queue = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicBoolean tickQueued = new AtomicBoolean();
    private Disposable worker;
    private Disposable ticker;

    public ScenarioRunner(RuleService rules, FaultStats stats, LongSupplier nanos) {
        this.rules = rules;
        this.stats = stats;
        this.nanos = nanos;
    }

    public void start(Duration tick) {
        worker = queue.asFlux().concatMap(task -> task.onErrorResume(e -> {
            log.warn("scenario step failed: {}", e.toString());
            return Mono.empty();
        })).subscribe();
        ticker = Flux.interval(tick).subscribe(t -> {
            if (!runs.isEmpty() && tickQueued.compareAndSet(false, true)) {
                serial(() -> tick().doFinally(s -> tickQueued.set(false))).subscribe();
            }
        });
    }

    public void stop() {
        if (ticker != null) {
            ticker.dispose();
            worker.dispose();
        }
    }

    public Run run(String id) {
        return runs.get(id);
    }

    /** Starts (or restarts) the scenario from its first phase. */
    public Mono<Run> begin(Scenario scenario, double speed) {
        return serial(() -> end(runs.get(scenario.id()), State.STOPPED, "restarted")
                .then(stats.snapshot().onErrorReturn(Map.of()))
                .flatMap(baseline -> {
                    Run run = new Run(scenario, speed, baseline, nanos.getAsLong());
                    runs.put(scenario.id(), run);
                    return enter(run, 0).thenReturn(run);
                }));
    }

    /** Pauses the scenario's clock and lifts its faults until it resumes. */
    public Mono<Run> pause(String id) {
        return serial(() -> {
            Run run = running(id, State.RUNNING);
            run.state = State.PAUSED;
            return removeRules(run, run.phase).thenReturn(run);
        });
    }

    public Mono<Run> resume(String id) {
        return serial(() -> {
            Run run = running(id, State.PAUSED);
            run.state = State.RUNNING;
            run.lastTickNanos = nanos.getAsLong();
            run.rampApplied.clear();
            return putRules(run, run.phase).thenReturn(run);
        });
    }

    public Mono<Run> stop(String id) {
        return serial(() -> {
            Run run = runs.get(id);
            if (run == null) {
                return Mono.error(new IllegalStateException("scenario " + id + " has not been started"));
            }
            return end(run, State.STOPPED, "stopped").thenReturn(run);
        });
    }

    /** The big red button: every scenario under way stops, with its faults. */
    public Mono<Void> haltAll(String reason) {
        return serial(() -> Flux.fromIterable(List.copyOf(runs.values())).concatMap(run -> end(run, State.HALTED, reason)).then());
    }

    private Run running(String id, State expected) {
        Run run = runs.get(id);
        if (run == null || run.state != expected) {
            throw new IllegalStateException("scenario " + id + " is " + (run == null ? "not started" : run.state.name().toLowerCase()));
        }
        return run;
    }

    private Mono<Void> tick() {
        long now = nanos.getAsLong();
        return Flux.fromIterable(List.copyOf(runs.values())).filter(r -> r.state == State.RUNNING).concatMap(run -> {
            run.elapsedMillis += (long) ((now - run.lastTickNanos) / 1e6 * run.speed);
            run.lastTickNanos = now;
            long round = run.scenario.length().toMillis();
            if (!run.scenario.repeat() && run.elapsedMillis >= round) {
                return end(run, State.FINISHED, "all phases ran");
            }
            long inRound = run.elapsedMillis % round;
            run.cycle = run.elapsedMillis / round;
            int phase = phaseAt(run.scenario, inRound);
            Mono<Void> step = phase != run.phase ? removeRules(run, run.phase).then(enter(run, phase)) : ramp(run, inRound);
            return step.then(guard(run));
        }).then();
    }

    private static int phaseAt(Scenario s, long inRound) {
        long end = 0;
        for (int i = 0; i < s.phases().size(); i++) {
            end += s.phases().get(i).duration().toMillis();
            if (inRound < end) {
                return i;
            }
        }
        return s.phases().size() - 1;
    }

    private Mono<Void> enter(Run run, int phase) {
        run.phase = phase;
        run.rampApplied.clear();
        return putRules(run, phase);
    }

    /** Steps the probability of ramped rules to where the phase's clock is. */
    private Mono<Void> ramp(Run run, long inRound) {
        Scenario.Phase p = run.scenario.phases().get(run.phase);
        long start = 0;
        for (int i = 0; i < run.phase; i++) {
            start += run.scenario.phases().get(i).duration().toMillis();
        }
        double fraction = (inRound - start) / (double) p.duration().toMillis();
        List<Mono<?>> changes = new ArrayList<>();
        for (int j = 0; j < p.rules().size(); j++) {
            Scenario.PhaseRule rule = p.rules().get(j);
            if (rule.ramp() == null) {
                continue;
            }
            double probability = rule.ramp().at(fraction);
            String id = ruleId(run, run.phase, j);
            Double applied = run.rampApplied.get(id);
            if (applied == null || applied != probability) {
                run.rampApplied.put(id, probability);
                changes.add(rules.put(id, document(run, rule, probability)));
            }
        }
        return Flux.concat(changes).then();
    }

    private Mono<Void> guard(Run run) {
        if (run.scenario.guards().isEmpty() || run.state != State.RUNNING) {
            return Mono.empty();
        }
        return stats.snapshot().flatMap(counts -> {
            long matched = 0;
            long injected = 0;
            for (int i = 0; i < run.scenario.phases().size(); i++) {
                matched += count(run, counts, i, "matched");
                injected += count(run, counts, i, "triggered");
            }
            run.samples.add(new long[]{run.elapsedMillis, matched, injected});
            for (Guard g : run.scenario.guards()) {
                String broken = broken(g, run, matched, injected);
                if (broken != null) {
                    log.info("scenario {} halted by its guard: {}", run.scenario.id(), broken);
                    return end(run, State.HALTED, broken);
                }
            }
            return Mono.<Void>empty();
        });
    }

    private static String broken(Guard g, Run run, long matched, long injected) {
        if (g instanceof Guard.InjectedFaults f) {
            return injected > f.max() ? "injected_faults: " + injected + " faults, more than " + f.max() : null;
        }
        if (g instanceof Guard.Deadline d) {
            return run.elapsedMillis >= d.after().toMillis() ? "deadline: ran for " + d.after() : null;
        }
        Guard.FailureShare share = (Guard.FailureShare) g;
        long from = run.elapsedMillis - share.window().toMillis();
        List<long[]> samples = run.samples;
        while (samples.size() > 2 && samples.get(1)[0] <= from) {
            samples.remove(0);
        }
        long[] reference = samples.get(0);
        long m = matched - reference[1];
        long f = injected - reference[2];
        if (m < Math.max(1, share.minRequests())) {
            return null;
        }
        double observed = f / (double) m;
        return observed > share.above()
                ? String.format("failure_share: %.2f of %d requests failed, above %.2f", observed, m, share.above()) : null;
    }

    /** A phase's count since the run began. */
    public static long count(Run run, Map<String, Long> counts, int phase, String kind) {
        long n = 0;
        for (int j = 0; j < run.scenario.phases().get(phase).rules().size(); j++) {
            String key = "rule:" + ruleId(run, phase, j) + ":" + kind;
            n += counts.getOrDefault(key, 0L) - run.baseline.getOrDefault(key, 0L);
        }
        return n;
    }

    private Mono<Void> end(Run run, State state, String reason) {
        if (run == null || run.state == State.STOPPED || run.state == State.HALTED || run.state == State.FINISHED) {
            return Mono.empty();
        }
        run.state = state;
        run.reason = reason;
        return removeRules(run, run.phase);
    }

    private Mono<Void> putRules(Run run, int phase) {
        if (phase < 0) {
            return Mono.empty();
        }
        List<Scenario.PhaseRule> phaseRules = run.scenario.phases().get(phase).rules();
        return Flux.range(0, phaseRules.size()).concatMap(j -> {
            Scenario.PhaseRule rule = phaseRules.get(j);
            String id = ruleId(run, phase, j);
            double p = rule.ramp() == null ? Double.NaN : rule.ramp().at(0);
            if (rule.ramp() != null) {
                run.rampApplied.put(id, p);
            }
            return rules.put(id, document(run, rule, p));
        }).then();
    }

    private Mono<Void> removeRules(Run run, int phase) {
        if (phase < 0) {
            return Mono.empty();
        }
        return Flux.range(0, run.scenario.phases().get(phase).rules().size())
                .concatMap(j -> rules.delete(ruleId(run, phase, j)).onErrorResume(RuleNotFoundException.class, e -> Mono.empty()))
                .then();
    }

    private static ObjectNode document(Run run, Scenario.PhaseRule rule, double probability) {
        ObjectNode doc = Double.isNaN(probability) ? rule.document().deepCopy() : Scenario.withProbability(rule.document(), probability);
        doc.remove("id");
        ObjectNode labels = doc.has("labels") && doc.get("labels").isObject() ? (ObjectNode) doc.get("labels") : doc.putObject("labels");
        labels.put(LABEL, run.scenario.id());
        labels.put(LABEL + ".phase", run.scenario.phases().get(run.phase < 0 ? 0 : run.phase).name());
        return doc;
    }

    /** The id of the j-th rule of a phase of the run's scenario. */
    static String ruleId(Run run, int phase, int j) {
        return "scn-" + run.scenario.id() + "-" + phase + "-" + j;
    }

    /** Runs the work on the serial queue; answers its result. */
    private <T> Mono<T> serial(Supplier<Mono<T>> work) {
        Sinks.One<T> result = Sinks.one();
        Mono<T> task = Mono.defer(work)
                .doOnSuccess(v -> {
                    if (v == null) {
                        result.tryEmitEmpty();
                    } else {
                        result.tryEmitValue(v);
                    }
                })
                .doOnError(result::tryEmitError);
        synchronized (queue) {
            queue.tryEmitNext(task);
        }
        return result.asMono();
    }
}
