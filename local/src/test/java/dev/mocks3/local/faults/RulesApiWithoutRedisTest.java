package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.embedded.EmbeddedRedis;

/** With its Redis gone the rules API still reads the rules, and says plainly what needs Redis. */
class RulesApiWithoutRedisTest {
    private static EmbeddedRedis redis;
    private static LocalRunner runner;
    private static RulesApiClient api;
    private static String ruleId;

    @BeforeAll
    static void startThenStopRedis() {
        Path dataDir = Path.of("target", "it-data", "no-redis-" + UUID.randomUUID()).toAbsolutePath();
        redis = EmbeddedRedis.start(dataDir, 0);
        runner = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString(), "mocks3.redis.address", redis.address(), "mocks3.redis.password", redis.password()));
        api = new RulesApiClient(runner, HttpClient.newHttpClient());
        ruleId = api.create("""
                {"name": "before the outage", "service": "storage-service", "enabled": false,
                 "conditions": [{"type": "probability", "value": 0.5}], "action": {"type": "http_error", "http_code": 503}}""");
        assertThat(api.send("GET", "/api/v1/stats", null).statusCode()).isEqualTo(200);
        redis.close();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    @Test
    void rulesAreStillListedWithTheLastKnownStats() {
        HttpResponse<String> list = api.send("GET", "/api/v1/rules", null);

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(RulesApiClient.json(list).get("rules").findValuesAsText("id")).contains(ruleId);
        assertThat(RulesApiClient.json(list).get("warning").asText()).contains("Redis is unreachable");
        assertThat(api.send("GET", "/api/v1/rules/" + ruleId, null).statusCode()).isEqualTo(200);
    }

    @Test
    void statsAnswer503WithAJsonErrorNamingRedis() {
        for (String method : new String[] {"GET", "DELETE"}) {
            HttpResponse<String> stats = api.send(method, "/api/v1/stats", null);

            assertThat(stats.statusCode()).as(method).isEqualTo(503);
            assertThat(stats.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
            assertThat(RulesApiClient.json(stats).get("error").asText()).isEqualTo("redis_unavailable");
            assertThat(RulesApiClient.json(stats).get("message").asText()).contains("Redis is unreachable")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void rulesCanStillBeChangedInPostgres() {
        String id = api.create("""
                {"name": "during the outage", "service": "storage-service", "enabled": false,
                 "conditions": [{"type": "probability", "value": 0.5}], "action": {"type": "http_error", "http_code": 500}}""");

        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(204);
    }
}
