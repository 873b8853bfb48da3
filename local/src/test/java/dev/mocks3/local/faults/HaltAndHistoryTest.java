package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The big red button ({@code POST /api/v1/halt}) and the per-rule counts per time bucket in {@code GET /api/v1/stats?history=}. */
class HaltAndHistoryTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final S3Client s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());
    private final List<String> rules = new ArrayList<>();

    @AfterEach
    void removeRules() {
        api.send("DELETE", "/api/v1/halt", null);
        rules.forEach(api::delete);
    }

    @Test
    void haltDisablesEveryEnabledRuleAndItsUndoEnablesExactlyThoseAgain() {
        String bucket = mocks3.newBucket("halt");
        String failing = rule(bucket, true);
        String alreadyOff = rule(bucket, false);
        assertThat(headBucketStatus(bucket)).isEqualTo(503);

        HttpResponse<String> halt = api.send("POST", "/api/v1/halt", null);

        assertThat(halt.statusCode()).isEqualTo(200);
        JsonNode halted = RulesApiClient.json(halt);
        assertThat(ids(halted.get("rules"))).contains(failing).doesNotContain(alreadyOff);
        assertThat(halted.get("halted").asInt()).isEqualTo(halted.get("rules").size());
        assertThat(headBucketStatus(bucket)).isEqualTo(200);
        assertThat(api.get("/api/v1/rules/" + failing).get("enabled").asBoolean()).isFalse();

        JsonNode resumed = RulesApiClient.json(api.send("DELETE", "/api/v1/halt", null));

        assertThat(ids(resumed.get("rules"))).contains(failing).doesNotContain(alreadyOff);
        assertThat(headBucketStatus(bucket)).isEqualTo(503);
        assertThat(api.get("/api/v1/rules/" + alreadyOff).get("enabled").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/rules/" + failing).path("labels").has("mocks3.halted_at")).isFalse();
    }

    @Test
    void historyCountsEachRulesFaultsInTimeBuckets() {
        String bucket = mocks3.newBucket("history");
        String id = rule(bucket, true);
        for (int i = 0; i < 7; i++) {
            assertThat(headBucketStatus(bucket)).isEqualTo(503);
        }

        JsonNode history = api.get("/api/v1/stats?history=2m").get("history");

        assertThat(history.get("step_seconds").asInt()).isEqualTo(10);
        assertThat(history.get("times").size()).isBetween(12, 13);
        JsonNode series = history.get("rules").get(id);
        assertThat(series.get("triggered").size()).isEqualTo(history.get("times").size());
        assertThat(sum(series.get("triggered"))).isEqualTo(7);
        assertThat(sum(series.get("matched"))).isEqualTo(7);
        // the faults fall in the last one or two buckets: the test takes well under 10 s
        JsonNode triggered = series.get("triggered");
        int n = triggered.size();
        assertThat(triggered.get(n - 1).asLong() + triggered.get(n - 2).asLong()).isEqualTo(7);

        JsonNode perMinute = api.get("/api/v1/stats?history=10m&step=1m").get("history");
        assertThat(perMinute.get("step_seconds").asInt()).isEqualTo(60);
        assertThat(sum(perMinute.get("rules").get(id).get("triggered"))).isEqualTo(7);
        assertThat(api.send("GET", "/api/v1/stats?history=soon", null).statusCode()).isEqualTo(400);
    }

    private String rule(String bucket, boolean enabled) {
        String id = api.create("{\"name\":\"halt\",\"enabled\":" + enabled + ",\"conditions\":[{\"type\":\"bucket\",\"value\":\""
                + bucket + "\"},{\"type\":\"operation\",\"value\":\"HeadBucket\"}],\"action\":{\"type\":\"http_error\",\"http_code\":503}}");
        rules.add(id);
        return id;
    }

    private int headBucketStatus(String bucket) {
        try {
            return s3.headBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode();
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static long sum(JsonNode array) {
        long n = 0;
        for (JsonNode v : array) {
            n += v.asLong();
        }
        return n;
    }
}
