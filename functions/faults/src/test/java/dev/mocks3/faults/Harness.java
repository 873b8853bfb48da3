package dev.mocks3.faults;

import java.time.Clock;
import java.time.Duration;

import org.springframework.test.web.reactive.server.WebTestClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.events.delivery.InProcessEventBus;
import dev.mocks3.faults.api.LocalStackChaosApi;
import dev.mocks3.faults.api.RuleEvents;
import dev.mocks3.faults.api.RulesApi;
import dev.mocks3.faults.engine.LocalFaultCounters;
import dev.mocks3.faults.engine.RuleEvaluator;
import dev.mocks3.faults.inject.FaultCheck;
import dev.mocks3.faults.inject.FaultRecorder;
import dev.mocks3.faults.inject.FaultRespond;
import dev.mocks3.faults.inject.LocalThrottles;
import dev.mocks3.faults.inject.StaleReads;
import dev.mocks3.faults.inject.StaleSnapshots;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.InMemoryFaultEventLog;
import dev.mocks3.faults.store.InMemoryRuleStore;
import dev.mocks3.faults.store.RuleCache;
import dev.mocks3.faults.store.RuleChangeSignal;
import dev.mocks3.faults.store.RuleService;
import reactor.core.publisher.Mono;

/** The faults module wired in memory, without Spring: the API as a WebTestClient, the two stages as functions. */
public final class Harness {
    public final ObjectMapper mapper = new ObjectMapper();
    public final InProcessEventBus bus;
    public final InMemoryRuleStore store = new InMemoryRuleStore();
    public final RuleCache cache = new RuleCache(store, null);
    public final LocalFaultCounters counters = new LocalFaultCounters();
    public final RuleService rules;
    public final FaultStats stats = new FaultStats(null, "t");
    public final InMemoryFaultEventLog events = new InMemoryFaultEventLog();
    public final FaultCheck check;
    public final FaultRespond respond;
    public final WebTestClient api;

    public Harness() {
        RuleEvents[] ruleEvents = new RuleEvents[1];
        bus = new InProcessEventBus(() -> java.util.List.of(ruleEvents[0]));
        rules = new RuleService(store, cache, RuleChangeSignal.NONE, counters, bus);
        ruleEvents[0] = new RuleEvents(rules);
        RuleEvaluator evaluator = new RuleEvaluator(counters, r -> rules.setEnabled(r.id(), false).subscribe());
        FaultRecorder recorder = new FaultRecorder(events, stats, bus, Clock.systemUTC());
        StaleReads stale = new StaleReads(new StaleSnapshots(null, "t"), () -> null, 1 << 20);
        check = new FaultCheck(cache, evaluator, stats, recorder, new LocalThrottles(), stale, true, Clock.systemUTC());
        respond = new FaultRespond(cache, evaluator, stats, recorder, stale, Clock.systemUTC());
        api = WebTestClient.bindToRouterFunction(new RulesApi(rules, stats, events, mapper).routes()
                        .and(new LocalStackChaosApi(rules, mapper).routes()).and(ruleEvents[0].routes()))
                .configureClient().responseTimeout(Duration.ofSeconds(10)).build();
    }

    /** Creates a rule from JSON through the API's service; answers its id. */
    public String rule(String json) {
        try {
            return rules.create(mapper.readTree(json)).block().id();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** faultCheck, then the operation (which answers {@code response}), then faultRespond. */
    public Mono<S3Call> run(S3Call call, java.util.function.Function<S3Call, S3Call> operation) {
        return check.apply(call).map(operation).flatMap(respond::apply);
    }
}
