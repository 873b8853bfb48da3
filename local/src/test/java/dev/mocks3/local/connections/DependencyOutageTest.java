package dev.mocks3.local.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.embedded.EmbeddedPostgres;
import dev.mocks3.local.embedded.EmbeddedRedis;
import dev.mocks3.local.embedded.PgCtl;
import dev.mocks3.local.observe.Scrape;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A MockS3 on a PostgreSQL and a Redis of this test's own, which the test stops behind its back:
 * S3 answers 503 ServiceUnavailable (with Retry-After) while PostgreSQL is down and recovers by
 * itself when it is back; the log gets one line per failed request; health tells the truth.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DependencyOutageTest {
    private static final int REQUESTS_WHILE_DOWN = 40;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path workDir;
    private EmbeddedPostgres postgres;
    private EmbeddedRedis redis;
    private SideRunner mocks3;
    private S3Client s3;

    @BeforeAll
    void start() {
        workDir = Path.of("target", "it-data", UUID.randomUUID().toString()).toAbsolutePath();
        postgres = EmbeddedPostgres.start(workDir.resolve("postgres"), 0);
        redis = EmbeddedRedis.start(workDir.resolve("redis"), 0);
        mocks3 = SideRunner.start(Map.of("spring.r2dbc.url", postgres.r2dbcUrl(), "spring.r2dbc.username", postgres.username(),
                "spring.r2dbc.password", postgres.password(), "spring.flyway.url", postgres.jdbcUrl(),
                "spring.flyway.user", postgres.username(), "spring.flyway.password", postgres.password(),
                "mocks3.redis.address", redis.address(), "mocks3.redis.password", redis.password(),
                "mocks3.metrics.probe-interval", "500ms"));
        s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());
    }

    @AfterAll
    void stop() {
        mocks3.close();
        redis.close();
        postgres.close();
    }

    @Test
    @Order(1)
    void postgresDownIs503ServiceUnavailableUntilItIsBack() throws Exception {
        s3.createBucket(b -> b.bucket("outage"));
        s3.putObject(b -> b.bucket("outage").key("k"), RequestBody.fromString("kept"));
        PgCtl pgCtl = new PgCtl(workDir.resolve("postgres"), postgres.port());
        pgCtl.stop();
        ListAppender<ILoggingEvent> log = captureLog();
        List<String> requestIds = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS_WHILE_DOWN; i++) {
                HttpResponse<String> response = get("/outage/k");
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(response.body()).contains("<Code>ServiceUnavailable</Code>");
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                requestIds.add(response.headers().firstValue("x-amz-request-id").orElseThrow());
            }
        } finally {
            stopCapturing(log);
        }
        HttpResponse<String> health = get("/_mocks3/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"postgres\":{\"status\":\"DOWN\"", "\"redis\":{\"status\":\"UP\"}");
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertNotReady("postgres");

        List<ILoggingEvent> events = log.list;
        for (String requestId : requestIds) {
            assertThat(events.stream().filter(event -> event.getFormattedMessage().contains(requestId)))
                    .as("log lines of request %s", requestId).hasSize(1);
        }
        assertThat(events).as("log events while PostgreSQL is down").hasSizeLessThanOrEqualTo(REQUESTS_WHILE_DOWN + 5);
        assertThat(events.stream().filter(event -> event.getThrowableProxy() != null))
                .as("log events with a stack trace").hasSizeBetween(1, 3);

        pgCtl.start();
        assertThat(awaitStatus("/outage/k", 200, Duration.ofSeconds(30)).body()).isEqualTo("kept");
        assertThat(get("/_mocks3/health").statusCode()).isEqualTo(200);
        assertThat(get("/_mocks3/ready").statusCode()).isEqualTo(200);
        assertThat(get(rulesApi() + "/_mocks3/ready").statusCode()).isEqualTo(200);
    }

    /** Readiness (what the Knative probes ask, on the S3 port and on the rules API's) fails, and the gauge says which. */
    private void assertNotReady(String dependency) throws Exception {
        for (String ready : List.of("/_mocks3/ready", rulesApi() + "/_mocks3/ready")) {
            HttpResponse<String> response = get(ready);
            assertThat(response.statusCode()).as(ready).isEqualTo(503);
            assertThat(response.body()).as(ready).contains("\"" + dependency + "\":{\"status\":\"DOWN\"");
        }
        URI metrics = URI.create(mocks3.endpoint() + "/_mocks3/metrics");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Scrape.of(metrics).sum("mocks3_dependency_up", "dependency", dependency) != 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Scrape.of(metrics).has("mocks3_dependency_up", "dependency", dependency)).isTrue();
        assertThat(Scrape.of(metrics).sum("mocks3_dependency_up", "dependency", dependency)).as("%s up", dependency).isZero();
    }

    private String rulesApi() {
        return "http://localhost:" + mocks3.runner().context().getBean(dev.mocks3.faults.api.FaultsApiServer.class).port();
    }

    @Test
    @Order(2)
    void redisDownMakesHealthDownWhileS3KeepsWorking() throws Exception {
        redis.close();
        HttpResponse<String> health = get("/_mocks3/health");
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(health.body()).contains("\"status\":\"DOWN\"", "\"redis\":{\"status\":\"DOWN\"", "\"postgres\":{\"status\":\"UP\"}");
        assertThat(get("/health").statusCode()).isEqualTo(503);
        assertNotReady("redis");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("outage").key("k")).asUtf8String()).isEqualTo("kept");
    }

    private HttpResponse<String> awaitStatus(String path, int status, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        HttpResponse<String> response = get(path);
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = get(path);
        }
        return response;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : mocks3.endpoint() + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void stopCapturing(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
        appender.stop();
    }
}
