package dev.mocks3.faults.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RuleJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static final String SEED_ERROR = """
            {
              "name": "Storage Random Error",
              "description": "10% chance of 500 error",
              "service": "storage-service",
              "enabled": true,
              "conditions": [ { "type": "probability", "value": 0.1 } ],
              "action": { "type": "http_error", "http_code": 500, "message": "Internal server error injected" }
            }""";

    static final String SEED_DELAY = """
            {
              "name": "Metadata Delay",
              "description": "Add 2s delay to metadata operations",
              "service": "metadata-service",
              "enabled": true,
              "conditions": [ { "type": "probability", "value": 0.2 } ],
              "action": { "type": "delay", "delay": "2s" }
            }""";

    private static FaultRule read(String json) throws Exception {
        return RuleJson.read(MAPPER.readTree(json));
    }

    @Test
    void seedErrorRuleIsReadVerbatim() throws Exception {
        FaultRule rule = read(SEED_ERROR);
        assertThat(rule.service()).isEqualTo(ServiceStage.STORAGE);
        assertThat(rule.conditions()).containsExactly(new Condition.Probability(0.1));
        assertThat(rule.action()).isEqualTo(
                new FaultAction.HttpError(500, "InternalError", "Internal server error injected", Phase.BEFORE));
    }

    @Test
    void seedDelayRuleIsReadVerbatim() throws Exception {
        FaultRule rule = read(SEED_DELAY);
        assertThat(rule.service()).isEqualTo(ServiceStage.METADATA);
        assertThat(rule.action()).isEqualTo(
                new FaultAction.Delay(new DelaySpec.Fixed(Duration.ofSeconds(2)), Phase.BEFORE));
    }

    @Test
    void everyConditionAndActionSurvivesAWriteAndReadBack() throws Exception {
        String json = """
                {"name": "all", "service": "gateway", "priority": 7, "seed": 42, "labels": {"suite": "retry"},
                 "conditions": [
                   {"type": "operation", "value": ["PutObject", "getObject"]},
                   {"type": "bucket", "glob": "logs-*"},
                   {"type": "key", "prefix": "a/"},
                   {"type": "method", "value": "PUT"},
                   {"type": "header", "name": "X-Test-Id", "equals": "t1"},
                   {"type": "query", "name": "partNumber", "present": true},
                   {"type": "source_ip", "value": ["127.0.0.0/8", "::1"]},
                   {"type": "access_key", "value": "AKIA1"},
                   {"type": "region", "value": "us-east-1"},
                   {"type": "object_size", "min": "1KiB", "max": 1048576},
                   {"type": "part_number", "min": 2},
                   {"type": "time_window", "daily_from": "09:00", "daily_until": "17:00", "zone": "Europe/Paris"},
                   {"type": "request_count", "first": 2, "per": "key"},
                   {"type": "max_triggers", "value": 5},
                   {"type": "expires_at", "value": "2030-01-01T00:00:00Z"}
                 ],
                 "action": {"type": "delay", "distribution": "normal", "mean": "200ms", "stddev": "50ms", "phase": "after"}}""";
        FaultRule rule = read(json);
        JsonNode written = RuleJson.write(rule);
        assertThat(RuleJson.read(written)).isEqualTo(rule);
    }

    @Test
    void everyActionSurvivesAWriteAndReadBack() throws Exception {
        for (String action : new String[] {
                "{\"type\":\"throttle\",\"rate\":10,\"per\":\"prefix\",\"prefix_depth\":2}",
                "{\"type\":\"bandwidth\",\"bytes_per_second\":\"64KiB\"}",
                "{\"type\":\"reset\",\"after_bytes\":1024}",
                "{\"type\":\"reset\"}",
                "{\"type\":\"timeout\",\"after\":\"3s\"}",
                "{\"type\":\"truncate\",\"keep_bytes\":10}",
                "{\"type\":\"corrupt\",\"target\":\"etag\"}",
                "{\"type\":\"corrupt\",\"bytes\":3,\"phase\":\"before\"}",
                "{\"type\":\"stale_read\",\"window\":\"5s\"}",
                "{\"type\":\"slow_first_byte\",\"distribution\":\"uniform\",\"min\":\"1s\",\"max\":\"2s\"}",
                "{\"type\":\"slice\",\"chunk_size\":16,\"pause\":\"10ms\"}",
                "{\"type\":\"delay\",\"distribution\":\"exponential\",\"mean\":\"1s\"}",
                "{\"type\":\"http_error\",\"http_code\":503}"}) {
            FaultRule rule = read("{\"name\":\"a\",\"action\":" + action + "}");
            assertThat(RuleJson.read(RuleJson.write(rule))).as(action).isEqualTo(rule);
        }
    }

    @Test
    void httpErrorDefaultsToTheS3CodeOfItsStatus() throws Exception {
        FaultAction.HttpError e = (FaultAction.HttpError) read(
                "{\"name\":\"a\",\"action\":{\"type\":\"http_error\",\"http_code\":503}}").action();
        assertThat(e.code()).isEqualTo("SlowDown");
        assertThat(e.message()).isEqualTo("Please reduce your request rate.");
    }

    @Test
    void probabilityAboveOneIsRefusedNamingTheField() {
        assertThatThrownBy(() -> read("{\"name\":\"a\",\"conditions\":[{\"type\":\"probability\",\"value\":1.5}],"
                + "\"action\":{\"type\":\"reset\"}}"))
                .isInstanceOf(InvalidRuleException.class)
                .extracting(e -> ((InvalidRuleException) e).field()).isEqualTo("conditions[0].value");
    }

    @Test
    void badFieldsAreNamed() {
        assertField("{\"action\":{\"type\":\"reset\"}}", "name");
        assertField("{\"name\":\"a\"}", "action");
        assertField("{\"name\":\"a\",\"action\":{\"type\":\"explode\"}}", "action.type");
        assertField("{\"name\":\"a\",\"action\":{\"type\":\"delay\",\"delay\":\"soon\"}}", "action.delay");
        assertField("{\"name\":\"a\",\"action\":{\"type\":\"http_error\",\"http_code\":200}}", "action.http_code");
        assertField("{\"name\":\"a\",\"action\":{\"type\":\"reset\",\"afterbytes\":3}}", "action.afterbytes");
        assertField("{\"name\":\"a\",\"service\":\"dns\",\"action\":{\"type\":\"reset\"}}", "service");
        assertField("{\"name\":\"a\",\"colour\":\"red\",\"action\":{\"type\":\"reset\"}}", "colour");
        assertField("{\"name\":\"a\",\"conditions\":[{\"type\":\"operation\",\"value\":\"Fly\"}],"
                + "\"action\":{\"type\":\"reset\"}}", "conditions[0].value");
        assertField("{\"name\":\"a\",\"conditions\":[{\"type\":\"key\",\"regex\":\"(\"}],"
                + "\"action\":{\"type\":\"reset\"}}", "conditions[0].regex");
        assertField("{\"name\":\"a\",\"conditions\":[{\"type\":\"source_ip\",\"value\":\"10.0.0.0/40\"}],"
                + "\"action\":{\"type\":\"reset\"}}", "conditions[0].value");
        assertField("{\"name\":\"a\",\"action\":{\"type\":\"truncate\",\"phase\":\"before\"}}", "action.phase");
    }

    @Test
    void fieldsAreNamedAsTheUserWroteThem() {
        assertField("{\"name\":\"a\",\"conditions\":[{\"type\":\"probability\",\"probability\":2}],"
                + "\"action\":{\"type\":\"reset\"}}", "conditions[0].probability");
        assertField("{\"name\":\"a\",\"action\":{\"type\":\"bandwidth\",\"rate\":\"lots\"}}", "action.rate");
        assertField("{\"name\":\"a\",\"action\":\"reset\"}", "action");
        assertField("{\"name\":\"a\",\"action\":{\"http_code\":500}}", "action.type");
        assertField("{\"name\":\"a\",\"labels\":{\"x\":{}},\"action\":{\"type\":\"reset\"}}", "labels.x");
        assertField("{\"name\":\"a\",\"conditions\":[{\"type\":\"bucket\",\"prefix\":\"a\",\"glob\":\"b\"}],"
                + "\"action\":{\"type\":\"reset\"}}", "conditions[0]");
    }

    @Test
    void throttleScopeIsReadWithUnderscoreOrHyphen() throws Exception {
        for (String per : new String[] {"access_key", "ACCESS-KEY"}) {
            FaultAction.Throttle t = (FaultAction.Throttle) read(
                    "{\"name\":\"a\",\"action\":{\"type\":\"throttle\",\"rate\":1,\"per\":\"" + per + "\"}}").action();
            assertThat(t.per()).as(per).isEqualTo(FaultAction.ThrottleScope.ACCESS_KEY);
        }
    }

    @Test
    void readOnlyFieldsOfAFetchedRuleAreAcceptedBack() throws Exception {
        FaultRule rule = read(SEED_ERROR).withId("r1").stored(4, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        var fetched = RuleJson.write(rule);
        fetched.putObject("stats").put("matched", 3);
        assertThat(RuleJson.read(fetched)).isEqualTo(rule.stored(0, null, null));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFields() throws Exception {
        FaultRule rule = read(SEED_ERROR).withId("r1");
        var patched = RuleJson.read(RuleJson.mergePatch(RuleJson.write(rule), MAPPER.readTree("{\"enabled\":false}")));
        assertThat(patched.enabled()).isFalse();
        assertThat(patched.action()).isEqualTo(rule.action());
    }

    @Test
    void durationsAndSizesReadAsUsersWriteThem() {
        assertThat(Quantities.duration("2s")).isEqualTo(Duration.ofSeconds(2));
        assertThat(Quantities.duration("150ms")).isEqualTo(Duration.ofMillis(150));
        assertThat(Quantities.duration("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Quantities.duration("PT0.5S")).isEqualTo(Duration.ofMillis(500));
        assertThat(Quantities.duration("250")).isEqualTo(Duration.ofMillis(250));
        assertThat(Quantities.bytes("64KiB")).isEqualTo(65536);
        assertThat(Quantities.bytes("5MB")).isEqualTo(5L << 20);
        assertThat(Quantities.bytes("100")).isEqualTo(100);
    }

    private static void assertField(String json, String field) {
        assertThatThrownBy(() -> read(json)).as(json)
                .isInstanceOf(InvalidRuleException.class)
                .extracting(e -> ((InvalidRuleException) e).field()).isEqualTo(field);
    }
}
