package dev.mocks3.faults;

import java.time.Clock;
import java.util.function.Function;

import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Lazy;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.auth.AccessKeys;
import dev.mocks3.core.call.S3Call;
import dev.mocks3.events.delivery.EventDeliveryConfiguration;
import dev.mocks3.state.StateConfiguration;
import dev.mocks3.state.blob.BlobStore;
import dev.mocks3.state.metadata.ObjectStore;
import dev.mocks3.events.delivery.EventPublisher;
import dev.mocks3.faults.api.ApiAccess;
import dev.mocks3.core.observe.RequestTracing;
import dev.mocks3.core.observe.SidePortRoutes;
import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.faults.observe.FaultMeters;
import io.micrometer.core.instrument.MeterRegistry;
import dev.mocks3.faults.api.LocalStackChaosApi;
import dev.mocks3.faults.api.RuleEvents;
import dev.mocks3.faults.api.RecordingApi;
import dev.mocks3.faults.api.RulesApi;
import dev.mocks3.faults.api.ScenarioApi;
import dev.mocks3.faults.engine.FaultCounters;
import dev.mocks3.faults.engine.LocalFaultCounters;
import dev.mocks3.faults.engine.RuleEvaluator;
import dev.mocks3.events.delivery.DeliveryFaults;
import dev.mocks3.faults.inject.FaultCheck;
import dev.mocks3.faults.inject.FaultRecorder;
import dev.mocks3.faults.inject.FaultRespond;
import dev.mocks3.faults.inject.LocalThrottles;
import dev.mocks3.faults.inject.NotificationDeliveryFaults;
import dev.mocks3.faults.inject.RedisThrottles;
import dev.mocks3.faults.inject.StaleReads;
import dev.mocks3.faults.inject.StaleSnapshots;
import dev.mocks3.faults.inject.StoredObjectReads;
import dev.mocks3.faults.inject.Throttles;
import dev.mocks3.faults.scenario.ScenarioRunner;
import dev.mocks3.faults.scenario.ScenarioStore;
import dev.mocks3.faults.store.DecisionRecorder;
import dev.mocks3.faults.store.DecisionStore;
import dev.mocks3.faults.store.FaultEventLog;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.InMemoryDecisionStore;
import dev.mocks3.faults.store.InMemoryFaultEventLog;
import dev.mocks3.faults.store.InMemoryRuleStore;
import dev.mocks3.faults.store.R2dbcDecisionStore;
import dev.mocks3.faults.store.R2dbcFaultEventLog;
import dev.mocks3.faults.store.R2dbcRuleStore;
import dev.mocks3.faults.store.RedisFaultCounters;
import dev.mocks3.faults.store.RedisRuleChangeSignal;
import dev.mocks3.faults.store.RuleCache;
import dev.mocks3.faults.store.RuleChangeSignal;
import dev.mocks3.faults.store.RuleService;
import dev.mocks3.faults.store.RuleStore;
import dev.mocks3.faults.store.StatsHistory;
import reactor.core.publisher.Mono;

/**
 * The fault injection module: the {@code faultCheck} and {@code faultRespond} functions composed
 * around every S3 operation, the rule store and cache, stats and event log, and the rules API on
 * its own port. PostgreSQL and Redis are used when the application has them (DatabaseClient,
 * RedissonClient beans); without them everything stays in this JVM. The module's auto-configuration:
 * the stages are lazy (built where an S3 operation is composed with them), the rules API exists only
 * where {@code mocks3.faults.api-port} is not -1, and other components of {@code dev.mocks3.faults} are scanned.
 */
@AutoConfiguration(after = {StateConfiguration.class, EventDeliveryConfiguration.class})
@ConditionalOnProperty(prefix = "mocks3.faults", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(FaultsProperties.class)
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
public class FaultsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(FaultsConfiguration.class);
    /** The rules API runs unless its port is -1 (every S3 service on a cluster; the faults service runs it). */
    private static final String API_ENABLED = "${mocks3.faults.api-port:8085} >= 0";

    /** The Redis client, when the application has one and the faults module is told to use it. */
    private static RedissonClient redis(FaultsProperties p, ObjectProvider<RedissonClient> redis) {
        return p.useRedis() ? redis.getIfAvailable() : null;
    }

    @Bean
    FaultCounters faultCounters(FaultsProperties p, ObjectProvider<RedissonClient> redis) {
        RedissonClient r = redis(p, redis);
        return r == null ? new LocalFaultCounters() : new RedisFaultCounters(r.reactive(), p.redisPrefix());
    }

    @Bean
    RuleChangeSignal ruleChangeSignal(FaultsProperties p, ObjectProvider<RedissonClient> redis) {
        RedissonClient r = redis(p, redis);
        return r == null ? RuleChangeSignal.NONE : new RedisRuleChangeSignal(r, p.redisPrefix());
    }

    @Bean
    Throttles faultThrottles(FaultsProperties p, ObjectProvider<RedissonClient> redis) {
        RedissonClient r = redis(p, redis);
        return r == null ? new LocalThrottles() : new RedisThrottles(r.reactive(), p.redisPrefix());
    }

    @Bean
    FaultStats faultStats(FaultsProperties p, ObjectProvider<RedissonClient> redis, ObjectProvider<MeterRegistry> meters) {
        RedissonClient r = redis(p, redis);
        MeterRegistry registry = meters.getIfAvailable();
        return new FaultStats(r == null ? null : r.reactive(), p.redisPrefix(),
                new StatsHistory.Settings(p.historyBucket(), p.historyRetention(), Clock.systemUTC()))
                .meteredBy(registry == null ? FaultMeters.NONE : new FaultMeters(registry));
    }

    @Bean
    StaleSnapshots staleSnapshots(FaultsProperties p, ObjectProvider<RedissonClient> redis) {
        RedissonClient r = redis(p, redis);
        return new StaleSnapshots(r == null ? null : r.reactive(), p.redisPrefix());
    }

    @Bean
    RuleStore ruleStore(ObjectProvider<DatabaseClient> db, ObjectProvider<ObjectMapper> mapper) {
        DatabaseClient client = db.getIfAvailable();
        if (client == null) {
            log.warn("no database: fault rules are kept in memory and lost on restart");
            return new InMemoryRuleStore();
        }
        return new R2dbcRuleStore(client, mapper.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    FaultEventLog faultEventLog(ObjectProvider<DatabaseClient> db, ObjectProvider<ObjectMapper> mapper) {
        DatabaseClient client = db.getIfAvailable();
        return client == null ? new InMemoryFaultEventLog()
                : new R2dbcFaultEventLog(client, mapper.getIfAvailable(ObjectMapper::new));
    }

    @Bean
    DecisionStore decisionStore(ObjectProvider<DatabaseClient> db) {
        DatabaseClient client = db.getIfAvailable();
        return client == null ? new InMemoryDecisionStore() : new R2dbcDecisionStore(client);
    }

    @Bean
    DecisionRecorder decisionRecorder(DecisionStore store) {
        return new DecisionRecorder(store, Clock.systemUTC());
    }

    @Bean
    RuleCache ruleCache(RuleStore store, FaultsProperties p) {
        return new RuleCache(store, p.seed());
    }

    @Bean
    RuleService ruleService(RuleStore store, RuleCache cache, RuleChangeSignal signal, FaultCounters counters,
                            EventPublisher events) {
        return new RuleService(store, cache, signal, counters, events);
    }

    @Bean
    RuleEvaluator ruleEvaluator(FaultCounters counters, ObjectProvider<RuleService> rules, DecisionRecorder journal) {
        // a rule that used up its max_triggers disables itself, for every instance
        return new RuleEvaluator(counters, rule -> rules.getObject().setEnabled(rule.id(), false)
                .subscribe(r -> log.info("rule {} reached max_triggers and is now disabled", r.id()),
                        e -> log.warn("could not disable exhausted rule {}: {}", rule.id(), e.toString())), journal);
    }

    @Bean
    FaultRecorder faultRecorder(FaultEventLog events, FaultStats stats, EventPublisher publisher,
                                ObjectProvider<RequestTracing> tracing) {
        return new FaultRecorder(events, stats, publisher, Clock.systemUTC(), tracing.getIfAvailable(() -> RequestTracing.OFF));
    }

    /** Faults in bucket notification delivery, asked by the outbox dispatcher before each attempt. */
    @Bean
    @Lazy
    DeliveryFaults notificationDeliveryFaults(RuleCache cache, RuleEvaluator evaluator, FaultStats stats,
                                              FaultRecorder recorder) {
        return new NotificationDeliveryFaults(cache, evaluator, stats, recorder, Clock.systemUTC());
    }

    @Bean
    @Lazy
    StaleReads staleReads(StaleSnapshots snapshots, ObjectProvider<ObjectStore> objects, ObjectProvider<BlobStore> blobs,
                          FaultsProperties p) {
        // through the stores, not the getObject function: an instance serving only putObject has none
        return new StaleReads(snapshots, () -> new StoredObjectReads(objects.getObject(), blobs.getObject()),
                (int) Math.min(Integer.MAX_VALUE, p.staleBodyLimit().toBytes()));
    }

    @Bean
    @Lazy
    FaultCheck faultCheckStage(RuleCache cache, RuleEvaluator evaluator, FaultStats stats, FaultRecorder recorder,
                               Throttles throttles, StaleReads staleReads, FaultsProperties p) {
        return new FaultCheck(cache, evaluator, stats, recorder, throttles, staleReads, p.headerFaults(), Clock.systemUTC());
    }

    @Bean
    @Lazy
    FaultRespond faultRespondStage(RuleCache cache, RuleEvaluator evaluator, FaultStats stats, FaultRecorder recorder,
                                   StaleReads staleReads) {
        return new FaultRespond(cache, evaluator, stats, recorder, staleReads, Clock.systemUTC());
    }

    /** Composed before every S3 operation: {@code authCheck|faultCheck|<operation>|faultRespond}. */
    @Bean
    @Lazy
    Function<Mono<S3Call>, Mono<S3Call>> faultCheck(FaultCheck stage, ObjectProvider<RequestTracing> tracing) {
        Function<Mono<S3Call>, Mono<S3Call>> check = stage.asFunction();
        RequestTracing t = tracing.getIfAvailable(() -> RequestTracing.OFF);
        return t.on() ? calls -> t.child("faultCheck", check.apply(calls)) : check;
    }

    /** Composed after every S3 operation. */
    @Bean
    @Lazy
    Function<Mono<S3Call>, Mono<S3Call>> faultRespond(FaultRespond stage) {
        return stage.asFunction();
    }

    @Bean
    ScenarioStore scenarioStore(ObjectProvider<DatabaseClient> db) {
        return new ScenarioStore(db.getIfAvailable());
    }

    @Bean
    ScenarioRunner scenarioRunner(RuleService rules, FaultStats stats) {
        return new ScenarioRunner(rules, stats, System::nanoTime);
    }

    @Bean
    ScenarioApi scenarioApi(ScenarioStore store, ScenarioRunner runner, FaultStats stats) {
        return new ScenarioApi(store, runner, stats);
    }

    @Bean
    @ConditionalOnExpression(API_ENABLED)
    RuleEvents ruleEvents(RuleService rules, ScenarioApi scenarios) {
        return new RuleEvents(rules, scenarios::apply);
    }

    @Bean
    @ConditionalOnExpression(API_ENABLED)
    FaultsApiServer faultsApiServer(RuleService rules, FaultStats stats, FaultEventLog events, RuleEvents ruleEvents,
                                    DecisionRecorder decisions, ScenarioApi scenarios, ScenarioRunner scenarioRunner,
                                    ObjectProvider<ObjectMapper> mapper, ObjectProvider<AccessKeys> keys,
                                    FaultsProperties p, Environment env, ObjectProvider<SidePortRoutes> sidePort) {
        ObjectMapper json = mapper.getIfAvailable(ObjectMapper::new);
        String host = p.apiHost() != null ? p.apiHost() : s3Host(env);
        return new FaultsApiServer(SidePortRoutes.before(sidePort.getIfAvailable(), access(keys, p, env, host).guard(new RulesApi(rules, stats, events, json,
                        () -> scenarioRunner.haltAll("halted by POST /api/v1/halt")).routes()
                .and(new LocalStackChaosApi(rules, json).routes())
                .and(new RecordingApi(decisions).routes())
                .and(scenarios.routes())
                .and(ruleEvents.routes()))), host, p.apiPort());
    }

    /**
     * LocalStack serves its chaos API on the same port as the AWS API, and tests build its URL from
     * the S3 endpoint: so it answers on the S3 port as well (no bucket name starts with '_'), behind
     * the same guard as on the rules port.
     */
    @Bean
    @ConditionalOnExpression(API_ENABLED)
    RouterFunction<ServerResponse> localStackChaosOnS3Port(RuleService rules, ObjectProvider<ObjectMapper> mapper,
                                                           ObjectProvider<AccessKeys> keys, FaultsProperties p, Environment env) {
        return access(keys, p, env, s3Host(env)).guard(new LocalStackChaosApi(rules, mapper.getIfAvailable(ObjectMapper::new)).routes());
    }

    private static String s3Host(Environment env) {
        return env.getProperty("server.address", "0.0.0.0");
    }

    private static ApiAccess access(ObjectProvider<AccessKeys> keys, FaultsProperties p, Environment env, String host) {
        return ApiAccess.of(keys.getIfAvailable(AccessKeys::defaults), p.apiToken(), p.apiAuth(),
                env.getProperty("mocks3.auth.strict", Boolean.class, false), host);
    }

    /** Loads the rules and starts the stats flusher once the database is migrated; before the API opens. */
    @Bean
    SmartLifecycle faultsRuntime(RuleCache cache, RuleChangeSignal signal, FaultStats stats, DecisionRecorder decisions,
                                 ScenarioRunner scenarios, FaultsProperties p) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                cache.start(signal, p.refreshInterval());
                stats.start(p.statsFlush());
                decisions.start(p.statsFlush());
                scenarios.start(p.scenarioTick());
                running = true;
            }

            @Override
            public void stop() {
                cache.stop();
                stats.stop();
                decisions.stop();
                scenarios.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return SmartLifecycle.DEFAULT_PHASE - 100;
            }
        };
    }
}
