package dev.mocks3.faults.engine;

import static dev.mocks3.faults.Calls.call;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mocks3.core.call.S3Call;
import dev.mocks3.core.routing.S3Operation;
import dev.mocks3.faults.rule.FaultRule;
import dev.mocks3.faults.rule.RuleJson;

class RuleEngineTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<CompiledRule> exhausted = new ArrayList<>();
    private final RuleEvaluator evaluator = new RuleEvaluator(new LocalFaultCounters(), exhausted::add);

    private static FaultRule rule(String id, String json) {
        try {
            return RuleJson.read(MAPPER.readTree(json)).withId(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuleEngine engine(FaultRule... rules) {
        return RuleEngine.compile(List.of(rules), null, null);
    }

    /** The ids of the rules that fire for this call, in order. */
    private List<String> fired(RuleEngine engine, S3Call call) {
        return fired(engine, call, evaluator);
    }

    private static List<String> fired(RuleEngine engine, S3Call call, RuleEvaluator evaluator) {
        RequestFacts facts = RequestFacts.before(call, System.currentTimeMillis());
        List<String> ids = new ArrayList<>();
        for (CompiledRule r : engine.candidates(call.operation())) {
            if (r.inScope(facts) && Boolean.TRUE.equals(evaluator.fires(r, facts).block())) {
                ids.add(r.id());
            }
        }
        return ids;
    }

    @Test
    void storageServiceCoversTheOperationsThatMoveBytes() {
        RuleEngine e = engine(rule("s", "{\"name\":\"s\",\"service\":\"storage-service\",\"action\":{\"type\":\"reset\"}}"),
                rule("m", "{\"name\":\"m\",\"service\":\"metadata-service\",\"action\":{\"type\":\"reset\"}}"),
                rule("g", "{\"name\":\"g\",\"service\":\"gateway\",\"action\":{\"type\":\"reset\"}}"));
        assertThat(fired(e, call(S3Operation.PUT_OBJECT, "b", "k"))).containsExactlyInAnyOrder("s", "g");
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "b", "k"))).containsExactlyInAnyOrder("s", "g");
        assertThat(fired(e, call(S3Operation.HEAD_OBJECT, "b", "k"))).containsExactlyInAnyOrder("m", "g");
        assertThat(fired(e, call(S3Operation.LIST_OBJECTS_V2, "b", null))).containsExactlyInAnyOrder("m", "g");
    }

    @Test
    void higherPriorityComesFirst() {
        RuleEngine e = engine(rule("low", "{\"name\":\"l\",\"priority\":1,\"action\":{\"type\":\"reset\"}}"),
                rule("high", "{\"name\":\"h\",\"priority\":9,\"action\":{\"type\":\"reset\"}}"));
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "b", "k"))).containsExactly("high", "low");
    }

    @Test
    void disabledRulesNeverFire() {
        RuleEngine e = engine(rule("off", "{\"name\":\"o\",\"enabled\":false,\"action\":{\"type\":\"reset\"}}"));
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "b", "k"))).isEmpty();
    }

    @Test
    void keyGlobBucketAndHeaderScopeARule() {
        RuleEngine e = engine(rule("r", """
                {"name":"r","conditions":[{"type":"bucket","value":"photos"},{"type":"key","glob":"2024/*.jpg"},
                 {"type":"header","name":"x-test-id","equals":"t1"}],"action":{"type":"reset"}}"""));
        Map<String, String> t1 = Map.of("x-test-id", "t1");
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "photos", "2024/a.jpg", t1, Map.of()))).containsExactly("r");
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "photos", "2024/x/a.jpg", t1, Map.of()))).isEmpty();
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "photos", "2024/a.jpg", Map.of("x-test-id", "t2"), Map.of()))).isEmpty();
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "docs", "2024/a.jpg", t1, Map.of()))).isEmpty();
    }

    @Test
    void sourceAddressMatchesByCidr() {
        RuleEngine in = engine(rule("r", "{\"name\":\"r\",\"conditions\":[{\"type\":\"source_ip\",\"value\":\"127.0.0.0/8\"}],\"action\":{\"type\":\"reset\"}}"));
        RuleEngine out = engine(rule("r", "{\"name\":\"r\",\"conditions\":[{\"type\":\"source_ip\",\"value\":\"10.0.0.0/8\"}],\"action\":{\"type\":\"reset\"}}"));
        assertThat(fired(in, call(S3Operation.GET_OBJECT, "b", "k"))).containsExactly("r");
        assertThat(fired(out, call(S3Operation.GET_OBJECT, "b", "k"))).isEmpty();
    }

    @Test
    void firstTwoAttemptsAtEachKeyFailThenSucceed() {
        RuleEngine e = engine(rule("r", """
                {"name":"retry","conditions":[{"type":"request_count","first":2,"per":"key"}],"action":{"type":"reset"}}"""));
        List<Boolean> a = new ArrayList<>();
        List<Boolean> b = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            a.add(!fired(e, call(S3Operation.PUT_OBJECT, "bk", "a")).isEmpty());
            b.add(!fired(e, call(S3Operation.PUT_OBJECT, "bk", "b")).isEmpty());
        }
        assertThat(a).containsExactly(true, true, false);
        assertThat(b).containsExactly(true, true, false);
    }

    @Test
    void everyThirdRequestAndAfterN() {
        RuleEngine every = engine(rule("every", "{\"name\":\"r\",\"conditions\":[{\"type\":\"request_count\",\"every\":3}],\"action\":{\"type\":\"reset\"}}"));
        RuleEngine after = engine(rule("after", "{\"name\":\"r\",\"conditions\":[{\"type\":\"request_count\",\"after\":2}],\"action\":{\"type\":\"reset\"}}"));
        List<Boolean> e3 = new ArrayList<>();
        List<Boolean> a2 = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            e3.add(!fired(every, call(S3Operation.GET_OBJECT, "b", "k")).isEmpty());
            a2.add(!fired(after, call(S3Operation.GET_OBJECT, "b", "k")).isEmpty());
        }
        assertThat(e3).containsExactly(false, false, true, false, false, true);
        assertThat(a2).containsExactly(false, false, true, true, true, true);
    }

    @Test
    void maxTriggersStopsTheRuleAndReportsIt() {
        RuleEngine e = engine(rule("r", "{\"name\":\"r\",\"max_triggers\":2,\"action\":{\"type\":\"reset\"}}"));
        int hits = 0;
        for (int i = 0; i < 5; i++) {
            hits += fired(e, call(S3Operation.GET_OBJECT, "b", "k")).size();
        }
        assertThat(hits).isEqualTo(2);
        assertThat(exhausted).isNotEmpty().allMatch(r -> r.id().equals("r"));
    }

    @Test
    void expiredRulesDoNotApply() {
        RuleEngine e = engine(rule("r", "{\"name\":\"r\",\"expires_at\":\"2001-01-01T00:00:00Z\",\"action\":{\"type\":\"reset\"}}"));
        assertThat(fired(e, call(S3Operation.GET_OBJECT, "b", "k"))).isEmpty();
    }

    @Test
    void theSameSeedHitsTheSameRequests() {
        String json = "{\"name\":\"p\",\"seed\":1234,\"conditions\":[{\"type\":\"probability\",\"value\":0.1}],\"action\":{\"type\":\"reset\"}}";
        List<Integer> first = hits(engine(rule("p", json)), 2000);
        List<Integer> second = hits(engine(rule("p", json)), 2000);
        assertThat(first).isEqualTo(second);
        // 10% of 2000, well within four standard deviations (sd = 13.4)
        assertThat(first.size()).isBetween(146, 254);
    }

    @Test
    void anEngineSeedMakesUnseededRulesReproducible() {
        FaultRule r = rule("p", "{\"name\":\"p\",\"conditions\":[{\"type\":\"probability\",\"value\":0.3}],\"action\":{\"type\":\"reset\"}}");
        assertThat(hits(RuleEngine.compile(List.of(r), 99L, null), 500))
                .isEqualTo(hits(RuleEngine.compile(List.of(r), 99L, null), 500));
    }

    @Test
    void aSeededDecisionDependsOnTheRequestNotOnTheOrderOfRequests() {
        FaultRule r = rule("p", "{\"name\":\"p\",\"seed\":7,\"conditions\":[{\"type\":\"probability\",\"value\":0.5}],\"action\":{\"type\":\"reset\"}}");
        RuleEvaluator forwards = new RuleEvaluator(new LocalFaultCounters(), rule -> { });
        RuleEvaluator backwards = new RuleEvaluator(new LocalFaultCounters(), rule -> { });
        List<Integer> inOrder = new ArrayList<>();
        List<Integer> reversed = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            if (!fired(engine(r), call(S3Operation.GET_OBJECT, "b", "k" + i), forwards).isEmpty()) {
                inOrder.add(i);
            }
        }
        for (int i = 299; i >= 0; i--) {
            if (!fired(RuleEngine.compile(List.of(r), null, null), call(S3Operation.GET_OBJECT, "b", "k" + i), backwards).isEmpty()) {
                reversed.add(0, i);
            }
        }
        assertThat(reversed).isEqualTo(inOrder).hasSizeBetween(100, 200);
    }

    @Test
    void eachAttemptAtTheSameRequestIsDecidedOnItsOwn() {
        FaultRule r = rule("p", "{\"name\":\"p\",\"seed\":7,\"conditions\":[{\"type\":\"probability\",\"value\":0.5}],\"action\":{\"type\":\"reset\"}}");
        List<Boolean> first = attempts(r, 30);
        assertThat(first).contains(true, false).isEqualTo(attempts(r, 30));
    }

    private static List<Boolean> attempts(FaultRule r, int n) {
        RuleEvaluator evaluator = new RuleEvaluator(new LocalFaultCounters(), rule -> { });
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(!fired(engine(r), call(S3Operation.GET_OBJECT, "b", "same-key"), evaluator).isEmpty());
        }
        return out;
    }

    private List<Integer> hits(RuleEngine e, int n) {
        RuleEvaluator evaluator = new RuleEvaluator(new LocalFaultCounters(), rule -> { });
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!fired(e, call(S3Operation.GET_OBJECT, "b", "k" + i), evaluator).isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }
}
