package dev.mocks3.junit.faults;

import static dev.mocks3.core.routing.S3Operation.GET_OBJECT;
import static dev.mocks3.core.routing.S3Operation.PUT_OBJECT;
import static dev.mocks3.junit.faults.FaultActions.bandwidth;
import static dev.mocks3.junit.faults.FaultActions.corruptBody;
import static dev.mocks3.junit.faults.FaultActions.corruptEtag;
import static dev.mocks3.junit.faults.FaultActions.delay;
import static dev.mocks3.junit.faults.FaultActions.httpError;
import static dev.mocks3.junit.faults.FaultActions.internalError;
import static dev.mocks3.junit.faults.FaultActions.reset;
import static dev.mocks3.junit.faults.FaultActions.resetAfterBytes;
import static dev.mocks3.junit.faults.FaultActions.serviceUnavailable;
import static dev.mocks3.junit.faults.FaultActions.slice;
import static dev.mocks3.junit.faults.FaultActions.down;
import static dev.mocks3.junit.faults.FaultActions.dropNotification;
import static dev.mocks3.junit.faults.FaultActions.duplicateNotification;
import static dev.mocks3.junit.faults.FaultActions.refuseContinue;
import static dev.mocks3.junit.faults.FaultActions.slowClose;
import static dev.mocks3.junit.faults.FaultActions.stall;
import static dev.mocks3.junit.faults.FaultActions.uploadLatency;
import static dev.mocks3.junit.faults.FaultActions.slowDown;
import static dev.mocks3.junit.faults.FaultActions.slowFirstByte;
import static dev.mocks3.junit.faults.FaultActions.staleRead;
import static dev.mocks3.junit.faults.FaultActions.throttle;
import static dev.mocks3.junit.faults.FaultActions.throttlePerPrefix;
import static dev.mocks3.junit.faults.FaultActions.timeout;
import static dev.mocks3.junit.faults.FaultActions.truncate;
import static dev.mocks3.junit.faults.FaultActions.truncateRatio;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.faults.rule.Condition;
import dev.mocks3.faults.rule.FaultAction;
import dev.mocks3.junit.MockS3Extension;

/**
 * Every builder method and every action factory, sent to a running rules API and read back: the server
 * accepts the document and holds the condition or action the method promises. Together the cases must
 * name every condition and action type the faults module knows.
 */
class RuleBuilderTest {
    private static final Instant FROM = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2030-01-02T00:00:00Z");
    private static final Set<String> conditionTypesSent = new ConcurrentSkipListSet<>();
    private static final Set<String> actionTypesSent = new ConcurrentSkipListSet<>();

    @RegisterExtension
    static MockS3Extension s3 = MockS3Extension.builder().build();

    static Stream<Arguments> conditions() {
        return Stream.of(
                condition("bucket", b -> b.bucket("photos"), "bucket", "value", "photos"),
                condition("bucket(Match.prefix)", b -> b.bucket(Match.prefix("logs-")), "bucket", "prefix", "logs-"),
                condition("key", b -> b.key("a/b.txt"), "key", "value", "a/b.txt"),
                condition("key(Match.glob)", b -> b.key(Match.glob("in/*/x")), "key", "glob", "in/*/x"),
                condition("key(Match.regex)", b -> b.key(Match.regex("^in/.*")), "key", "regex", "^in/.*"),
                condition("prefix", b -> b.prefix("in/"), "key", "prefix", "in/"),
                condition("suffix", b -> b.suffix(".json"), "key", "suffix", ".json"),
                condition("method", b -> b.method("PUT", "GET"), "method", "value", "[\"PUT\",\"GET\"]"),
                condition("header", b -> b.header("x-test", "1"), "header", "name", "x-test", "value", "1"),
                condition("header(present)", b -> b.header("x-a", Match.present()), "header", "name", "x-a", "present", "true"),
                condition("header(absent)", b -> b.header("x-b", Match.absent()), "header", "name", "x-b", "present", "false"),
                condition("header(Match.suffix)", b -> b.header("x-c", Match.suffix("z")), "header", "name", "x-c", "suffix", "z"),
                condition("query", b -> b.query("versionId", "7"), "query", "name", "versionId", "value", "7"),
                condition("query(Match.equalTo)", b -> b.query("uploadId", Match.equalTo("u")), "query", "name", "uploadId", "value", "u"),
                condition("sourceIp", b -> b.sourceIp("10.0.0.0/8", "::1"), "source_ip", "value", "[\"10.0.0.0/8\",\"::1\"]"),
                condition("accessKey", b -> b.accessKey("AKIA1"), "access_key", "value", "AKIA1"),
                condition("region", b -> b.region("eu-west-1"), "region", "value", "eu-west-1"),
                condition("objectSize", b -> b.objectSize(1L, 1024L), "object_size", "min", "1", "max", "1024"),
                condition("objectSize(max)", b -> b.objectSize(null, 5L), "object_size", "max", "5"),
                condition("partNumber", b -> b.partNumber(3), "part_number", "min", "3", "max", "3"),
                condition("partNumbers", b -> b.partNumbers(2, 4), "part_number", "min", "2", "max", "4"),
                condition("probability", b -> b.probability(0.25), "probability", "value", "0.25"),
                condition("firstAttempts", b -> b.firstAttempts(2), "request_count", "first", "2", "per", "rule"),
                condition("firstAttemptsPerKey", b -> b.firstAttemptsPerKey(2), "request_count", "first", "2", "per", "key"),
                condition("everyNth", b -> b.everyNth(3), "request_count", "every", "3", "per", "rule"),
                condition("everyNthPerKey", b -> b.everyNthPerKey(3), "request_count", "every", "3", "per", "key"),
                condition("afterAttempts", b -> b.afterAttempts(4), "request_count", "after", "4", "per", "rule"),
                condition("afterAttemptsPerKey", b -> b.afterAttemptsPerKey(4), "request_count", "after", "4", "per", "key"),
                condition("requestCount", b -> b.requestCount(1L, 2L, 3L, true), "request_count", "first", "1",
                        "every", "2", "after", "3", "per", "key"),
                condition("maxTriggers", b -> b.maxTriggers(2), "max_triggers", "value", "2"),
                condition("expiresAt", b -> b.expiresAt(UNTIL), "expires_at", "value", UNTIL.toString()),
                condition("between", b -> b.between(FROM, UNTIL), "time_window", "from", FROM.toString(), "until", UNTIL.toString()),
                condition("daily", b -> b.daily(LocalTime.of(9, 0), LocalTime.of(17, 30), ZoneId.of("Europe/Paris")),
                        "time_window", "daily_from", "09:00", "daily_until", "17:30", "zone", "Europe/Paris"),
                condition("on(operations)", b -> b, "operation", "value", "[\"PutObject\",\"GetObject\"]"));
    }

    static Stream<Arguments> actions() {
        return Stream.of(
                action("slowDown", slowDown(), "http_error", "http_code", "503", "error_code", "SlowDown"),
                action("serviceUnavailable", serviceUnavailable(), "http_error", "http_code", "503", "error_code", "ServiceUnavailable"),
                action("internalError", internalError(), "http_error", "http_code", "500", "error_code", "InternalError"),
                action("httpError", httpError(404), "http_error", "http_code", "404", "error_code", "NoSuchKey"),
                action("httpError(after)", httpError(403, "AccessDenied", "no").afterOperation(), "http_error",
                        "http_code", "403", "error_code", "AccessDenied", "message", "no", "phase", "after"),
                action("delay", delay(Duration.ofSeconds(2)), "delay", "delay", "2s", "phase", "before"),
                action("delay(uniform)", delay(Wait.uniform(Duration.ofMillis(10), Duration.ofMillis(20))), "delay",
                        "distribution", "uniform", "min", "10ms", "max", "20ms"),
                action("delay(normal)", delay(Wait.normal(Duration.ofMillis(100), Duration.ofMillis(5))), "delay",
                        "distribution", "normal", "mean", "100ms", "stddev", "5ms"),
                action("delay(exponential, after)", delay(Wait.exponential(Duration.ofMillis(50))).afterOperation(), "delay",
                        "distribution", "exponential", "mean", "50ms", "phase", "after"),
                action("throttle", throttle(5, Duration.ofSeconds(1)), "throttle", "rate", "5", "interval", "1s", "per", "rule"),
                action("throttle(per key)", throttle(2, Duration.ofMillis(500), FaultActions.ThrottleScope.ACCESS_KEY),
                        "throttle", "rate", "2", "interval", "500ms", "per", "access_key"),
                action("throttlePerPrefix", throttlePerPrefix(3, Duration.ofSeconds(1), 2), "throttle", "per", "prefix",
                        "prefix_depth", "2"),
                action("bandwidth", bandwidth(4096), "bandwidth", "bytes_per_second", "4096", "phase", "after"),
                action("bandwidth(upload)", bandwidth(1024).beforeOperation(), "bandwidth", "phase", "before"),
                action("reset", reset(), "reset", "phase", "before"),
                action("resetAfterBytes", resetAfterBytes(10), "reset", "after_bytes", "10", "phase", "after"),
                action("timeout", timeout(Duration.ofSeconds(3)), "timeout", "after", "3s"),
                action("truncate", truncate(100), "truncate", "keep_bytes", "100"),
                action("truncateRatio", truncateRatio(0.25), "truncate", "ratio", "0.25"),
                action("corruptBody", corruptBody(), "corrupt", "target", "body", "bytes", "1"),
                action("corruptBody(bytes, offset)", corruptBody(2, 5), "corrupt", "target", "body", "bytes", "2", "offset", "5"),
                action("corruptEtag", corruptEtag(), "corrupt", "target", "etag"),
                action("staleRead", staleRead(Duration.ofSeconds(5)), "stale_read", "window", "5s"),
                action("slowFirstByte", slowFirstByte(Duration.ofMillis(300)), "slow_first_byte", "delay", "300ms"),
                action("slowFirstByte(uniform)", slowFirstByte(Wait.uniform(Duration.ofMillis(1), Duration.ofMillis(2))),
                        "slow_first_byte", "distribution", "uniform"),
                action("slice", slice(8, Duration.ofMillis(10)), "slice", "chunk_size", "8", "pause", "10ms"),
                action("down", down(Duration.ofSeconds(2)), "down", "duration", "2s"),
                action("slowClose", slowClose(Duration.ofSeconds(1)), "slow_close", "delay", "1s"),
                action("uploadLatency", uploadLatency(Duration.ofMillis(50)), "upload_latency", "delay", "50ms"),
                action("refuseContinue", refuseContinue(), "refuse_continue", "http_code", "417"),
                action("stall", stall(1024, Duration.ofSeconds(3)), "stall", "after_bytes", "1024", "duration", "3s"),
                action("Action.of", Action.of(RulesHttpJson.parse("{\"type\":\"delay\",\"delay\":\"1s\"}")).with("phase", "after"),
                        "delay", "delay", "1s", "phase", "after"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conditions")
    void eachConditionMethodIsHeldByTheServer(String method, UnaryOperator<RuleBuilder> condition, String type,
                                              Map<String, String> fields) {
        FaultHandle rule = condition.apply(s3.faults().on(PUT_OBJECT, GET_OBJECT)).disabled().withoutAttemptLog()
                .respond(slowDown());
        JsonNode held = rule.rule().path("conditions");
        assertThat(held).as(method).anySatisfy(c -> assertHolds(c, type, fields));
        conditionTypesSent.add(type);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void eachActionFactoryIsHeldByTheServer(String factory, Action action, String type, Map<String, String> fields) {
        FaultHandle rule = s3.faults().on(GET_OBJECT).bucket("nowhere").disabled().withoutAttemptLog().respond(action);
        assertHolds(rule.rule().path("action"), type, fields);
        actionTypesSent.add(type);
    }

    static Stream<Arguments> deliveryActions() {
        return Stream.of(
                action("dropNotification", dropNotification(), "drop"),
                action("duplicateNotification", duplicateNotification(3), "duplicate", "copies", "3"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deliveryActions")
    void eachNotificationDeliveryActionIsHeldByTheServer(String factory, Action action, String type, Map<String, String> fields) {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).service("notification-delivery").bucket("nowhere").disabled()
                .withoutAttemptLog().respond(action);
        assertHolds(rule.rule().path("action"), type, fields);
        actionTypesSent.add(type);
    }

    @Test
    void theRuleFieldsAreHeldByTheServer() {
        FaultHandle rule = s3.faults().on(PUT_OBJECT).name("named").description("says why").service("storage-service")
                .priority(5).seed(42).label("team", "storage").disabled().withoutAttemptLog().respond(slowDown());
        JsonNode held = rule.rule();
        assertThat(held.path("name").asText()).isEqualTo("named");
        assertThat(held.path("description").asText()).isEqualTo("says why");
        assertThat(held.path("service").asText()).isEqualTo("storage-service");
        assertThat(held.path("priority").asInt()).isEqualTo(5);
        assertThat(held.path("seed").asLong()).isEqualTo(42);
        assertThat(held.path("labels").path("team").asText()).isEqualTo("storage");
        assertThat(held.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void anOnAnyOperationRuleNamesNoOperation() {
        FaultHandle rule = s3.faults().onAnyOperation().bucket("x").disabled().withoutAttemptLog().respond(slowDown());
        assertThat(rule.rule().path("conditions")).noneSatisfy(c -> assertThat(c.path("type").asText()).isEqualTo("operation"));
    }

    @AfterAll
    static void everyTypeOfTheRuleDocumentWasSent() {
        assertThat(conditionTypesSent).as("condition types the builder covers")
                .containsExactlyInAnyOrderElementsOf(typeIds(Condition.class));
        assertThat(actionTypesSent).as("action types the factories cover")
                .containsExactlyInAnyOrderElementsOf(typeIds(FaultAction.class));
    }

    /** The type ids the faults module reads (its one list, the {@code @JsonSubTypes}). */
    private static Set<String> typeIds(Class<?> sealedType) {
        Set<String> ids = new TreeSet<>();
        Arrays.stream(sealedType.getAnnotation(JsonSubTypes.class).value()).forEach(t -> ids.add(t.name()));
        return ids;
    }

    private static void assertHolds(JsonNode held, String type, Map<String, String> fields) {
        assertThat(held.path("type").asText()).isEqualTo(type);
        fields.forEach((field, expected) -> {
            JsonNode value = held.path(field);
            String actual = value.isArray() ? value.toString() : value.asText();
            if (value.isArray() || !expected.startsWith("[")) {
                assertThat(actual).as(type + "." + field + " in " + held).isEqualTo(expected);
            } else {
                assertThat("[\"" + actual + "\"]").as(type + "." + field + " in " + held).isEqualTo(expected);
            }
        });
    }

    private static Arguments condition(String method, UnaryOperator<RuleBuilder> apply, String type, String... fields) {
        return Arguments.of(method, apply, type, pairs(fields));
    }

    private static Arguments action(String factory, Action action, String type, String... fields) {
        return Arguments.of(factory, action, type, pairs(fields));
    }

    private static Map<String, String> pairs(String... fields) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        Iterator<String> it = Arrays.asList(fields).iterator();
        while (it.hasNext()) {
            map.put(it.next(), it.next());
        }
        return map;
    }

    /** JSON text for {@link Action#of}. */
    private static final class RulesHttpJson {
        static JsonNode parse(String text) {
            try {
                return RulesHttp.JSON.readTree(text);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
}
