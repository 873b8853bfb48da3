package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * More than one MockS3 on one PostgreSQL and Redis, as Knative runs many pods of a function:
 * a rule changed through one instance is in force on another within a second, and the faults it
 * injects there go out as CloudEvents to the configured sink. And a restarted runner still has
 * its rules.
 */
class InstancesShareRulesTest {
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final BlockingQueue<Delivered> sink = new LinkedBlockingQueue<>();
    private HttpServer sinkServer;

    private record Delivered(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @BeforeEach
    void startSink() throws IOException {
        sinkServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sinkServer.createContext("/", exchange -> {
            sink.add(new Delivered(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sinkServer.start();
    }

    @AfterEach
    void stopSink() {
        sinkServer.stop(0);
    }

    @Test
    void aRuleChangedOnOneInstanceIsInForceOnAnotherWithinASecond() throws Exception {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        // no periodic re-read to fall back on: only the Redis change signal can be this quick
        settings.put("mocks3.faults.refresh-interval", "1h");
        settings.put("mocks3.events.sink", "http://127.0.0.1:" + sinkServer.getAddress().getPort() + "/");
        try (LocalRunner other = LocalRunner.start(settings); S3Client otherS3 = client(other)) {
            String bucket = mocks3.newBucket("shared-rule");
            String id = api.create("{\"name\":\"shared\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket
                    + "\"},{\"type\":\"operation\",\"value\":\"HeadBucket\"}],"
                    + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\"}}");
            long created = System.nanoTime();
            assertThat(within(ONE_SECOND, () -> headBucketStatus(otherS3, bucket) == 503))
                    .as("the other instance injects the new rule's fault within a second").isTrue();
            System.out.printf("rule in force on the other instance after %d ms%n", (System.nanoTime() - created) / 1_000_000);

            Delivered event = nextFaultEvent();
            assertThat(event).as("a fault CloudEvent reached the sink").isNotNull();
            assertThat(event.header("ce-source")).isEqualTo("/mocks3/faults");
            assertThat(event.header("ce-specversion")).isEqualTo("1.0");
            JsonNode data = new ObjectMapper().readTree(event.body());
            assertThat(data.get("rule_id").asText()).isEqualTo(id);
            assertThat(data.get("bucket").asText()).isEqualTo(bucket);
            assertThat(data.get("operation").asText()).isEqualTo("HeadBucket");
            assertThat(event.header("ce-subject")).isEqualTo(data.get("request_id").asText());

            api.delete(id);
            assertThat(within(ONE_SECOND, () -> headBucketStatus(otherS3, bucket) == 200))
                    .as("the other instance drops the deleted rule within a second").isTrue();
        }
    }

    /** The data folder is named on the command line, as a user starting the jar would. */
    private static final String KEPT = "kept ".repeat(2000);

    @Test
    void rulesSurviveARestartOfTheLocalRunner() throws IOException {
        Path dataDir = Path.of("target", "it-data", "restart-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, Object> settings = Map.of("server.port", "0", "mocks3.faults.api-port", "0");
        String dataDirArg = "--mocks3.storage.data-dir=" + dataDir;
        String bucket = MockS3Fixture.uniqueBucket("restart");
        String id;
        try (LocalRunner first = LocalRunner.start(settings, dataDirArg); S3Client s3 = client(first)) {
            s3.createBucket(b -> b.bucket(bucket));
            // over 8,000 bytes, so that its bytes are a file in the data folder
            s3.putObject(b -> b.bucket(bucket).key("k"), software.amazon.awssdk.core.sync.RequestBody.fromString(KEPT));
            assertThat(dataDir.resolve("postgres")).isDirectory();
            assertThat(dataDir.resolve("redis")).isDirectory();
            try (var files = java.nio.file.Files.walk(dataDir.resolve("blobs"))) {
                assertThat(files.filter(java.nio.file.Files::isRegularFile).count()).isEqualTo(1);
            }
            id = new RulesApiClient(first, mocks3.http()).create("{\"name\":\"kept\",\"conditions\":[{\"type\":\"bucket\","
                    + "\"value\":\"" + bucket + "\"},{\"type\":\"operation\",\"value\":\"HeadBucket\"}],"
                    + "\"action\":{\"type\":\"http_error\",\"http_code\":500}}");
            assertThat(headBucketStatus(s3, bucket)).isEqualTo(500);
        }
        try (LocalRunner again = LocalRunner.start(settings, dataDirArg); S3Client s3 = client(again)) {
            JsonNode rule = new RulesApiClient(again, mocks3.http()).get("/api/v1/rules/" + id);
            assertThat(rule.get("name").asText()).isEqualTo("kept");
            assertThat(headBucketStatus(s3, bucket)).isEqualTo(500);
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo(KEPT);
        }
    }

    /** The next dev.mocks3.fault.injected event the sink got, waiting up to 10 s; null if none came. */
    private Delivered nextFaultEvent() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Delivered event;
        do {
            event = sink.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (event != null && !"dev.mocks3.fault.injected".equals(event.header("ce-type")));
        return event;
    }

    private static S3Client client(LocalRunner runner) {
        return MockS3Fixture.singleAttemptClient(java.net.URI.create("http://localhost:" + runner.port()));
    }

    private static int headBucketStatus(S3Client s3, String bucket) {
        try {
            return s3.headBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode();
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    /** Whether the condition held at some point before the time was up, checking every 20 ms. */
    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        return false;
    }
}
