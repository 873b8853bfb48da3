package dev.mocks3.loadtests.faults;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.call.S3Request;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.events.delivery.InProcessEventBus;
import dev.mocks3.faults.engine.LocalFaultCounters;
import dev.mocks3.faults.engine.RuleEvaluator;
import dev.mocks3.faults.inject.FaultCheck;
import dev.mocks3.faults.inject.FaultRecorder;
import dev.mocks3.faults.inject.LocalThrottles;
import dev.mocks3.faults.inject.StaleReads;
import dev.mocks3.faults.inject.StaleSnapshots;
import dev.mocks3.faults.store.DecisionRecorder;
import dev.mocks3.faults.store.FaultStats;
import dev.mocks3.faults.store.InMemoryFaultEventLog;
import dev.mocks3.faults.store.InMemoryRuleStore;
import dev.mocks3.faults.store.RuleCache;
import dev.mocks3.faults.store.RuleChangeSignal;
import dev.mocks3.faults.store.RuleService;
import reactor.core.publisher.Flux;

/**
 * What {@code faultCheck} costs a GetObject when no rule matches it: 0 rules against {@code rules}
 * enabled rules that are all candidates for GetObject (gateway and storage-service rules) but are
 * scoped elsewhere (other buckets, key prefixes, a test header, another access key, a CIDR).
 * Target: under 20 µs per request with 100 rules.
 * {@code mode}: {@code none} as above; {@code decided} adds one rule that matches the request with
 * probability 0 (every request is decided and drawn, none fails); {@code recorded} the same while a
 * recording of decisions runs (queued on the request path; the writer here discards them).
 *
 * <pre>
 * mvn -q -pl load-tests -am package -DskipTests
 * mvn -q -pl load-tests dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp load-tests/target/classes:$(cat load-tests/target/cp.txt) dev.mocks3.loadtests.faults.FaultCheckBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FaultCheckBenchmark {

    @Param({"0", "100"})
    public int rules;

    @Param({"none", "decided", "recorded"})
    public String mode;

    private FaultCheck check;
    private S3Call call;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        InMemoryRuleStore store = new InMemoryRuleStore();
        RuleCache cache = new RuleCache(store, null);
        InProcessEventBus bus = new InProcessEventBus(java.util.List::of);
        LocalFaultCounters counters = new LocalFaultCounters();
        RuleService service = new RuleService(store, cache, RuleChangeSignal.NONE, counters, bus);
        String[] scopes = {
            "{\"type\":\"bucket\",\"value\":\"other-bucket-%d\"}",
            "{\"type\":\"key\",\"prefix\":\"elsewhere/%d/\"}",
            "{\"type\":\"header\",\"name\":\"x-test-id\",\"equals\":\"suite-%d\"}",
            "{\"type\":\"access_key\",\"value\":\"AKIA%d\"}",
            "{\"type\":\"key\",\"glob\":\"**/*.part%d\"}",
        };
        for (int i = 0; i < rules; i++) {
            String scope = String.format(scopes[i % scopes.length], i);
            String service1 = i % 2 == 0 ? "gateway" : "storage-service";
            service.create(json.readTree("{\"name\":\"r" + i + "\",\"service\":\"" + service1 + "\",\"conditions\":["
                    + scope + ",{\"type\":\"probability\",\"value\":0.5}],"
                    + "\"action\":{\"type\":\"http_error\",\"http_code\":503}}")).block();
        }
        if (!mode.equals("none")) {
            service.create(json.readTree("{\"name\":\"decided\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"photos\"},"
                    + "{\"type\":\"probability\",\"value\":0}],\"action\":{\"type\":\"http_error\",\"http_code\":503}}")).block();
        }
        cache.reload().block();
        FaultStats stats = new FaultStats(null, "bench");
        DecisionRecorder decisions = new DecisionRecorder(new DiscardedDecisions(), Clock.systemUTC());
        decisions.start(java.time.Duration.ofMillis(200));
        if (mode.equals("recorded")) {
            decisions.startRecording("bench").block();
        }
        RuleEvaluator evaluator = new RuleEvaluator(counters, r -> { }, decisions);
        FaultRecorder recorder = new FaultRecorder(new InMemoryFaultEventLog(), stats, bus, Clock.systemUTC());
        check = new FaultCheck(cache, evaluator, stats, recorder, new LocalThrottles(),
                new StaleReads(new StaleSnapshots(null, "bench"), () -> null, 1 << 20), false, Clock.systemUTC());
        HttpHeaders headers = new HttpHeaders();
        headers.add("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20250101/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc");
        headers.add("x-amz-date", "20250101T000000Z");
        headers.add("x-test-id", "mine");
        call = S3Call.of(new S3Request("req-1", "GET", "localhost:8080", "/photos/2024/01/cat.jpg", null, "photos",
                "2024/01/cat.jpg", new LinkedMultiValueMap<>(), headers, Flux.empty(),
                new InetSocketAddress("127.0.0.1", 40000), Instant.now()), S3Operation.GET_OBJECT)
                .withAccessKey("AKIAIOSFODNN7EXAMPLE");
    }

    @Benchmark
    public S3Call getObjectThroughFaultCheck() {
        return check.apply(call).block();
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(FaultCheckBenchmark.class.getSimpleName()).build()).run();
    }
}
