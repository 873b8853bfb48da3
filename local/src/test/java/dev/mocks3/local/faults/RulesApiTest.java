package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;

/** The seed document's rules API and its LocalStack and CloudEvents doors, over real HTTP. */
class RulesApiTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);

    /** The server is shared: a rule a failed test left behind would inject faults into other suites. */
    @org.junit.jupiter.api.AfterEach
    void removeEveryRule() {
        api.send("DELETE", "/api/v1/rules", null);
    }

    static final String SEED_ERROR = """
            {
                "name": "Storage Random Error",
                "description": "10% chance of 500 error",
                "service": "storage-service",
                "enabled": true,
                "conditions": [
                  {
                    "type": "probability",
                    "value": 0.1
                  }
                ],
                "action": {
                  "type": "http_error",
                  "http_code": 500,
                  "message": "Internal server error injected"
                }
              }""";

    static final String SEED_DELAY = """
            {
                "name": "Metadata Delay",
                "description": "Add 2s delay to metadata operations",
                "service": "metadata-service",
                "enabled": true,
                "conditions": [
                  {
                    "type": "probability",
                    "value": 0.2
                  }
                ],
                "action": {
                  "type": "delay",
                  "delay": "2s"
                }
              }""";

    @Test
    void seedRulesAreAcceptedVerbatimListedAndCounted() {
        HttpResponse<String> created = api.send("POST", "/api/v1/rules", SEED_ERROR);
        assertThat(created.statusCode()).isEqualTo(201);
        String errorId = RulesApiClient.json(created).get("id").asText();
        String delayId = api.create(SEED_DELAY);
        try {
            JsonNode rules = api.get("/api/v1/rules");
            assertThat(rules.get("rules").findValuesAsText("name")).contains("Storage Random Error", "Metadata Delay");
            JsonNode stats = api.get("/api/v1/stats");
            assertThat(stats.get("rules").findValuesAsText("id")).contains(errorId, delayId);
            assertThat(api.get("/api/v1/events").has("events")).isTrue();
            assertThat(api.send("GET", "/health", null).statusCode()).isEqualTo(200);
        } finally {
            api.delete(errorId);
            api.delete(delayId);
        }
    }

    /**
     * The seed's two rules as they are (no seed, every bucket): about a tenth of storage requests
     * fail with the injected message, about a fifth of metadata requests take 2 s longer, and the
     * stats and events count every request in scope and every fault injected. Bounds are 3.5
     * standard deviations wide.
     */
    @Test
    void seedRulesFailATenthOfStorageRequestsAndDelayAFifthOfMetadataRequests() throws Exception {
        String bucket = mocks3.newBucket("seed-faults");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("test.txt"), RequestBody.fromString("Hello MockS3!"));
        String errorId = api.create(SEED_ERROR);
        String delayId = api.create(SEED_DELAY);
        try {
            int failed = 0;
            for (int i = 0; i < 200; i++) {
                HttpResponse<String> get = mocks3.http().send(HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/test.txt"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (get.statusCode() == 500) {
                    assertThat(get.body()).contains("<Message>Internal server error injected</Message>");
                    failed++;
                } else {
                    assertThat(get.statusCode()).isEqualTo(200);
                }
            }
            assertThat(failed).as("GETs failed of 200 (expected about 20)").isBetween(6, 35);

            List<CompletableFuture<Long>> heads = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                long start = System.nanoTime();
                heads.add(mocks3.http().sendAsync(HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/test.txt"))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                        .thenApply(r -> (System.nanoTime() - start) / 1_000_000));
            }
            long slow = 0;
            for (CompletableFuture<Long> head : heads) {
                if (head.get(30, TimeUnit.SECONDS) >= 2000) {
                    slow++;
                }
            }
            JsonNode events = api.events("rule=" + errorId + "&limit=500", failed);
            assertThat(events.get("total").asInt()).isEqualTo(failed);

            // every delayed HEAD took 2 s or more; one that was not delayed could only by a stall
            JsonNode stats = api.get("/api/v1/stats");
            JsonNode errorStats = ruleStats(stats, errorId);
            JsonNode delayStats = ruleStats(stats, delayId);
            assertThat(errorStats.get("matched").asLong()).isEqualTo(200);
            assertThat(errorStats.get("triggered").asLong()).isEqualTo(failed);
            assertThat(delayStats.get("matched").asLong()).isEqualTo(100);
            long delayed = delayStats.get("triggered").asLong();
            assertThat(delayed).as("HEADs delayed of 100 (expected about 20)").isBetween(6L, 40L);
            assertThat(slow).isGreaterThanOrEqualTo(delayed);
            assertThat(api.events("rule=" + delayId + "&limit=500", (int) delayed).get("total").asLong()).isEqualTo(delayed);
        } finally {
            api.delete(errorId);
            api.delete(delayId);
        }
    }

    private static JsonNode ruleStats(JsonNode stats, String id) {
        for (JsonNode rule : stats.get("rules")) {
            if (rule.get("id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no stats for rule " + id + " in " + stats);
    }

    @Test
    void invalidRuleIs400NamingTheField() {
        HttpResponse<String> r = api.send("POST", "/api/v1/rules",
                "{\"name\":\"bad\",\"conditions\":[{\"type\":\"probability\",\"value\":2}],\"action\":{\"type\":\"delay\",\"delay\":\"1s\"}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(RulesApiClient.json(r).get("field").asText()).isEqualTo("conditions[0].value");
        assertThat(api.send("POST", "/api/v1/rules", "{not json").statusCode()).isEqualTo(400);
    }

    @Test
    void rulesAreReadUpdatedPatchedSwitchedAndDeleted() {
        String id = api.create("{\"name\":\"crud\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"nowhere-crud\"}],"
                + "\"action\":{\"type\":\"reset\"}}");
        assertThat(api.get("/api/v1/rules/" + id).get("version").asLong()).isEqualTo(1);
        HttpResponse<String> put = api.send("PUT", "/api/v1/rules/" + id,
                "{\"name\":\"crud2\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"nowhere-crud\"}],\"action\":{\"type\":\"reset\"}}");
        assertThat(RulesApiClient.json(put).get("name").asText()).isEqualTo("crud2");
        HttpResponse<String> patch = api.send("PATCH", "/api/v1/rules/" + id, "{\"priority\":5}");
        assertThat(RulesApiClient.json(patch).get("priority").asInt()).isEqualTo(5);
        assertThat(RulesApiClient.json(api.send("POST", "/api/v1/rules/" + id + "/disable", null)).get("enabled").asBoolean()).isFalse();
        assertThat(RulesApiClient.json(api.send("POST", "/api/v1/rules/" + id + "/enable", null)).get("enabled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/rules/" + id).get("version").asLong()).isEqualTo(5);
        assertThat(api.send("DELETE", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/v1/rules/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void localStackFaultsRoundTripTheirJson() {
        String faults = "[{\"service\":\"s3\",\"operation\":\"HeadBucket\",\"region\":\"eu-west-3\",\"probability\":1.0,"
                + "\"error\":{\"statusCode\":503,\"code\":\"ServiceUnavailable\"}}]";
        try {
            assertThat(api.send("POST", "/_localstack/chaos/faults", faults).statusCode()).isEqualTo(200);
            assertThat(api.get("/_localstack/chaos/faults")).isEqualTo(RulesApiClient.json(
                    api.send("GET", "/_localstack/chaos/faults", null)));
            assertThat(api.get("/_localstack/chaos/faults").get(0).get("operation").asText()).isEqualTo("HeadBucket");
        } finally {
            api.send("POST", "/_localstack/chaos/faults", "[]");
        }
        assertThat(api.get("/_localstack/chaos/faults").size()).isZero();
        assertThat(RulesApiClient.json(api.send("POST", "/_localstack/chaos/effects", "{\"latency\":0}")).get("latency").asInt()).isZero();
    }

    @Test
    void aBinaryModeCloudEventCreatesARule() {
        HttpResponse<String> r = api.send("POST", "/", "{\"name\":\"from an event\",\"action\":{\"type\":\"reset\"},"
                        + "\"conditions\":[{\"type\":\"bucket\",\"value\":\"nowhere-ce\"}]}",
                "ce-specversion", "1.0", "ce-id", "1", "ce-source", "/test", "ce-type", "dev.mocks3.rule.put",
                "ce-subject", "ce-rule-1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/rules/ce-rule-1").get("name").asText()).isEqualTo("from an event");
        HttpResponse<String> structured = api.send("POST", "/",
                "{\"specversion\":\"1.0\",\"id\":\"2\",\"source\":\"/test\",\"type\":\"dev.mocks3.rule.delete\","
                        + "\"datacontenttype\":\"application/json\",\"data\":{\"id\":\"ce-rule-1\"}}",
                "Content-Type", "application/cloudevents+json");
        assertThat(structured.statusCode()).isEqualTo(204);
        assertThat(api.send("GET", "/api/v1/rules/ce-rule-1", null).statusCode()).isEqualTo(404);
    }
}
