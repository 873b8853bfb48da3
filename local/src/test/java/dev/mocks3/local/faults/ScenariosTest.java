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

/** Scenarios: phases on a sped-up clock, commands by API and CloudEvent, and a guard that halts them. */
class ScenariosTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final S3Client s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());
    private final List<String> scenarios = new ArrayList<>();

    @AfterEach
    void removeScenarios() {
        scenarios.forEach(id -> api.send("DELETE", "/api/v1/scenarios/" + id, null));
    }

    @Test
    void threePhasesOnASpedUpClockEachPutTheirFaultsInForceInTurn() throws InterruptedException {
        String bucket = mocks3.newBucket("phases");
        String id = create(bucket, """
                {"id": "%s", "name": "errors, clean, errors",
                 "phases": [
                   {"name": "503s", "duration": "15s", "rules": [%s]},
                   {"name": "clean", "duration": "15s"},
                   {"name": "500s", "duration": "15s", "rules": [%s]}]}""".formatted("three-" + bucket, error(bucket, 503), error(bucket, 500)));

        // started by CloudEvent (binary mode), at ten times real speed: 1.5 s a phase
        HttpResponse<String> started = api.send("POST", "/", "{\"command\": \"start\", \"speed\": 10}",
                "ce-specversion", "1.0", "ce-id", "start-" + id, "ce-type", "dev.mocks3.scenario.command",
                "ce-source", "/scenarios-test", "ce-subject", id);
        assertThat(started.statusCode()).isBetween(200, 204);
        List<Integer> seen = new ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"finished".equals(state(id)) && System.nanoTime() < deadline) {
            seen.add(headBucket(bucket));
            Thread.sleep(20);
        }

        JsonNode status = api.get("/api/v1/scenarios/" + id).get("status");
        assertThat(status.get("state").asText()).isEqualTo("finished");
        int first503 = seen.indexOf(503);
        int firstClean = seen.subList(Math.max(0, first503), seen.size()).indexOf(200) + first503;
        int first500 = seen.indexOf(500);
        assertThat(first503).isNotNegative();
        assertThat(firstClean).isGreaterThan(first503);
        assertThat(first500).isGreaterThan(firstClean);
        assertThat(seen.subList(first500, seen.size())).doesNotContain(503);
        JsonNode phases = status.get("phases");
        assertThat(phases.get(0).get("injected").asLong()).isEqualTo(seen.stream().filter(s -> s == 503).count());
        assertThat(phases.get(1).get("injected").asLong()).isZero();
        assertThat(phases.get(2).get("injected").asLong()).isEqualTo(seen.stream().filter(s -> s == 500).count());
        assertThat(headBucket(bucket)).isEqualTo(200);
    }

    @Test
    void aGuardHaltsTheScenarioWhenTheFailureSharePasses30Percent() throws InterruptedException {
        String bucket = mocks3.newBucket("guard");
        String rule = error(bucket, 503).replace("\"conditions\": [", "\"conditions\": [{\"type\": \"probability\", \"value\": 0.5}, ");
        String id = create(bucket, """
                {"id": "%s", "name": "guarded",
                 "phases": [{"name": "half fail", "duration": "10m", "rules": [%s]}],
                 "guards": [{"type": "failure_share", "above": 0.3, "window": "1m", "min_requests": 10}]}"""
                .formatted("guarded-" + bucket, rule));
        assertThat(api.send("POST", "/api/v1/scenarios/" + id + "/start", "{}").statusCode()).isEqualTo(200);

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!"halted".equals(state(id)) && System.nanoTime() < deadline) {
            headBucket(bucket);
            Thread.sleep(20);
        }

        JsonNode status = api.get("/api/v1/scenarios/" + id).get("status");
        assertThat(status.get("state").asText()).isEqualTo("halted");
        assertThat(status.get("reason").asText()).startsWith("failure_share");
        for (int i = 0; i < 20; i++) {
            assertThat(headBucket(bucket)).isEqualTo(200);
        }
    }

    @Test
    void aScenarioPausesResumesAndStopsAndTellsItsPhaseAndTimeLeft() {
        String bucket = mocks3.newBucket("pause");
        String id = create(bucket, """
                {"id": "%s", "name": "long", "phases": [{"name": "503s", "duration": "10m", "rules": [%s]}]}"""
                .formatted("pause-" + bucket, error(bucket, 503)));

        JsonNode running = RulesApiClient.json(api.send("POST", "/api/v1/scenarios/" + id + "/start", "{}")).get("status");
        assertThat(running.get("phase").get("name").asText()).isEqualTo("503s");
        assertThat(running.get("phase").get("time_left_ms").asLong()).isBetween(590_000L, 600_000L);
        assertThat(headBucket(bucket)).isEqualTo(503);

        assertThat(RulesApiClient.json(api.send("POST", "/api/v1/scenarios/" + id + "/pause", null)).get("status").get("state").asText())
                .isEqualTo("paused");
        assertThat(headBucket(bucket)).isEqualTo(200);
        assertThat(RulesApiClient.json(api.send("POST", "/api/v1/scenarios/" + id + "/resume", null)).get("status").get("state").asText())
                .isEqualTo("running");
        assertThat(headBucket(bucket)).isEqualTo(503);
        assertThat(RulesApiClient.json(api.send("POST", "/api/v1/scenarios/" + id + "/stop", null)).get("status").get("state").asText())
                .isEqualTo("stopped");
        assertThat(headBucket(bucket)).isEqualTo(200);
        assertThat(api.send("POST", "/api/v1/scenarios/" + id + "/resume", null).statusCode()).isEqualTo(409);
    }

    private String create(String bucket, String document) {
        HttpResponse<String> r = api.send("POST", "/api/v1/scenarios", document);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        String id = RulesApiClient.json(r).get("id").asText();
        assertThat(RulesApiClient.json(r).get("version").asLong()).isEqualTo(1);
        scenarios.add(id);
        return id;
    }

    private static String error(String bucket, int status) {
        return "{\"name\": \"" + status + "s\", \"conditions\": [{\"type\": \"bucket\", \"value\": \"" + bucket
                + "\"}, {\"type\": \"operation\", \"value\": \"HeadBucket\"}], \"action\": {\"type\": \"http_error\", \"http_code\": " + status + "}}";
    }

    private String state(String id) {
        return api.get("/api/v1/scenarios/" + id).get("status").get("state").asText();
    }

    private int headBucket(String bucket) {
        try {
            return s3.headBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode();
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }
}
