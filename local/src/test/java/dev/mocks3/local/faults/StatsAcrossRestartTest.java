package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.LocalRunner;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Per-rule matched and triggered counts survive a restart of the local runner, like the rules and the event log. */
class StatsAcrossRestartTest {
    private final Path dataDir = Path.of("target", "it-data", "stats-" + java.util.UUID.randomUUID()).toAbsolutePath();

    @Test
    void countsReadBeforeAStopAreReadAgainAfterTheRestart() {
        String ruleId;
        JsonNode before;
        try (LocalRunner runner = start()) {
            RulesApiClient api = new RulesApiClient(runner, HttpClient.newHttpClient());
            ruleId = api.create("""
                    {"name": "counted", "conditions": [{"type": "operation", "value": "HeadBucket"}],
                     "action": {"type": "http_error", "http_code": 503}}""");
            try (S3Client s3 = client(runner)) {
                for (int i = 0; i < 3; i++) {
                    try {
                        s3.headBucket(b -> b.bucket("counted-bucket"));
                    } catch (S3Exception expected) {
                        assertThat(expected.statusCode()).isEqualTo(503);
                    }
                }
            }
            before = ruleStats(api, ruleId);
            assertThat(before.get("triggered").asLong()).isEqualTo(3);
        }

        try (LocalRunner again = start()) {
            RulesApiClient api = new RulesApiClient(again, HttpClient.newHttpClient());

            JsonNode after = ruleStats(api, ruleId);
            assertThat(after.get("matched").asLong()).isEqualTo(before.get("matched").asLong());
            assertThat(after.get("triggered").asLong()).isEqualTo(3);
        }
    }

    private LocalRunner start() {
        return LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString()));
    }

    private static JsonNode ruleStats(RulesApiClient api, String ruleId) {
        return RulesApiClient.json(api.send("GET", "/api/v1/rules/" + ruleId, null)).get("stats");
    }

    private static S3Client client(LocalRunner runner) {
        return S3Client.builder().endpointOverride(java.net.URI.create("http://127.0.0.1:" + runner.port()))
                .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create())
                .forcePathStyle(true).overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
    }
}
