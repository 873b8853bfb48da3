package dev.mocks3.local.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.faults.RulesApiClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A scripted run of S3 traffic against a fault rule: what {@code /_mocks3/metrics} (S3 port) and
 * {@code /metrics} (rules API port) count is exactly what the client saw.
 */
class MetricsCountWhatClientsSawTest {
    private static final int GETS = 40;
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient rules = new RulesApiClient(mocks3.runner(), mocks3.http());
    private final S3Client once = MockS3Fixture.singleAttemptClient(mocks3.endpoint());

    @Test
    void requestAndFaultCountsMatchWhatTheClientSaw() throws Exception {
        String bucket = mocks3.newBucket("metrics");
        byte[] content = new byte[4096];
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromBytes(content));
        String rule = rules.create("{\"name\":\"metrics-503\",\"service\":\"storage-service\",\"seed\":7,\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"" + bucket + "\"},{\"type\":\"probability\",\"value\":0.3}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\"}}");
        try {
            URI s3Port = mocks3.uri("/_mocks3/metrics");
            Scrape before = Scrape.of(s3Port);
            int ok = 0;
            int refused = 0;
            long bytesRead = 0;
            for (int i = 0; i < GETS; i++) {
                try {
                    bytesRead += once.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asByteArray().length;
                    ok++;
                } catch (S3Exception e) {
                    assertThat(e.statusCode()).isEqualTo(503);
                    refused++;
                }
            }
            assertThat(ok).as("answered").isPositive();
            assertThat(refused).as("refused by the rule").isPositive();

            // the counts are taken as each answer ends, a moment after the client has it
            Scrape after = awaitCount(s3Port, before, "GetObject", ok + refused);
            assertThat(delta(before, after, "mocks3_s3_requests_total", "operation", "GetObject", "status", "2xx")).isEqualTo(ok);
            assertThat(delta(before, after, "mocks3_s3_requests_total", "operation", "GetObject", "status", "5xx")).isEqualTo(refused);
            assertThat(delta(before, after, "mocks3_s3_request_duration_seconds_count", "operation", "GetObject")).isEqualTo(GETS);
            assertThat(delta(before, after, "mocks3_s3_sent_bytes_total", "operation", "GetObject")).isGreaterThanOrEqualTo(bytesRead);
            assertThat(after.sum("mocks3_fault_rule_matched_total", "rule", rule)).isEqualTo(GETS);
            assertThat(after.sum("mocks3_fault_injected_total", "rule", rule, "action", "http_error")).isEqualTo(refused);

            // the rules API's port tells the same
            Scrape rulesPort = Scrape.of(URI.create("http://localhost:"
                    + mocks3.runner().context().getBean(dev.mocks3.faults.api.FaultsApiServer.class).port() + "/metrics"));
            assertThat(rulesPort.sum("mocks3_fault_injected_total", "rule", rule)).isEqualTo(refused);
            assertThat(rulesPort.sum("mocks3_s3_requests_total", "operation", "GetObject", "status", "5xx"))
                    .isEqualTo(after.sum("mocks3_s3_requests_total", "operation", "GetObject", "status", "5xx"));
        } finally {
            rules.delete(rule);
        }
    }

    private static Scrape awaitCount(URI uri, Scrape before, String operation, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Scrape now = Scrape.of(uri);
        while (delta(before, now, "mocks3_s3_requests_total", "operation", operation) < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            now = Scrape.of(uri);
        }
        return now;
    }

    private static double delta(Scrape before, Scrape after, String name, String... match) {
        return after.sum(name, match) - before.sum(name, match);
    }
}
