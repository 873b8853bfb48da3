package dev.mocks3.local.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.management.UnixOperatingSystemMXBean;

import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.TempUploads;

/**
 * Connections cannot hold the server forever: idle ones are closed, a head or body that stops
 * arriving is answered 400 RequestTimeout and closed (an upload's temp file removed), and a flood of
 * slow clients does not keep a normal client from being served. Timeouts are short here so the
 * test is quick; the defaults are S3-like (65 s idle, 20 s header, 20 s body).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionTimeoutsTest {
    private static final Duration IDLE = Duration.ofSeconds(3);
    private static final Duration HEADER = Duration.ofSeconds(2);
    private static final Duration BODY = Duration.ofSeconds(2);
    private static final int FLOOD = 2000;
    private SideRunner mocks3;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        mocks3 = SideRunner.start(Map.of("mocks3.server.idle-timeout", IDLE.toMillis() + "ms",
                "mocks3.server.header-read-timeout", HEADER.toMillis() + "ms",
                "mocks3.server.body-read-timeout", BODY.toMillis() + "ms"));
    }

    @AfterAll
    void stop() {
        mocks3.close();
    }

    @Test
    void idleKeepAliveConnectionIsClosedAfterTheIdleTimeout() {
        try (RawConnection connection = new RawConnection(mocks3.port(), Duration.ofSeconds(15))) {
            RawConnection.Response answer = connection.send("GET /no-such-bucket-here/k HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            assertThat(answer.status()).isEqualTo(404);
            long started = System.nanoTime();
            assertThat(connection.closedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(IDLE.minusMillis(500), IDLE.plusSeconds(5));
        }
    }

    @Test
    void headersDrippingInAre400RequestTimeoutAfterTheHeaderTimeout() throws Exception {
        try (RawConnection connection = new RawConnection(mocks3.port(), Duration.ofSeconds(15))) {
            long started = System.nanoTime();
            Thread drip = new Thread(() -> {
                // a slowloris: one header byte every 200 ms must not keep the request alive
                try {
                    connection.send("GET /bucket/key HTTP/1.1\r\nHost: localhost\r\nx-amz-meta-slow: ");
                    for (int i = 0; i < 100; i++) {
                        Thread.sleep(200);
                        connection.send("x");
                    }
                } catch (RuntimeException | InterruptedException closed) {
                    // the server closed the connection, as it should
                }
            });
            drip.setDaemon(true);
            drip.start();
            RawConnection.Response answer = connection.read();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(HEADER.minusMillis(500), HEADER.plusSeconds(5));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("RequestTimeout");
            assertThat(answer.body()).contains("Idle connections will be closed.");
            assertThat(answer.header("x-amz-request-id")).isEqualTo(answer.requestId());
            assertThat(connection.closedByServer()).isTrue();
            drip.interrupt();
        }
    }

    @Test
    void stalledUploadIs400RequestTimeoutAndLeavesNoTempFile() throws Exception {
        assertThat(send("PUT", "/stalled-uploads", null).statusCode()).isEqualTo(200);
        try (RawConnection connection = new RawConnection(mocks3.port(), Duration.ofSeconds(15))) {
            connection.send("PUT /stalled-uploads/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000\r\n\r\n"
                    + "only the first bytes");
            long started = System.nanoTime();
            RawConnection.Response answer = connection.read();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(BODY.minusMillis(500), BODY.plusSeconds(5));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.errorCode()).isEqualTo("RequestTimeout");
            assertThat(answer.body()).contains("<Resource>/stalled-uploads/k</Resource>");
            assertThat(connection.closedByServer()).isTrue();
        }
        assertThat(TempUploads.settled(mocks3.dataDir())).as("temp files left").isZero();
        assertThat(send("GET", "/stalled-uploads/k", null).statusCode()).isEqualTo(404);
    }

    @Test
    void clientWaitingFor100ContinueIsNotTimedOut() throws Exception {
        assertThat(send("PUT", "/waits-for-continue", null).statusCode()).isEqualTo(200);
        // the server holds the request (an injected delay) longer than the body timeout before it asks for the body
        int rulesPort = mocks3.runner().context().getBean(FaultsApiServer.class).port();
        HttpResponse<String> rule = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + rulesPort + "/api/v1/rules"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"hold\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"waits-for-continue\"},"
                                + "{\"type\":\"operation\",\"value\":\"PutObject\"}],"
                                + "\"action\":{\"type\":\"delay\",\"delay\":\"" + BODY.plusSeconds(2).toMillis() + "ms\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rule.statusCode()).isBetween(200, 201);
        try (RawConnection connection = new RawConnection(mocks3.port(), Duration.ofSeconds(15))) {
            connection.send("PUT /waits-for-continue/k HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\n"
                    + "Expect: 100-continue\r\n\r\n");
            RawConnection.Response interim = connection.read();
            assertThat(interim.status()).isEqualTo(100);
            RawConnection.Response answer = connection.send("hello").read();
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        }
    }

    @Test
    void slowClientFloodDoesNotStopANormalClient() throws Exception {
        long maxFiles = ((UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        assumeTrue(maxFiles > 2L * FLOOD + 1000, "ulimit -n is " + maxFiles + ", too low for both ends of the flood");
        assertThat(send("PUT", "/flooded", null).statusCode()).isEqualTo(200);
        List<RawConnection> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(new RawConnection(mocks3.port(), Duration.ofSeconds(15)).send("PUT /flooded/slow HTTP/1.1\r\nHost: lo"));
            }
            long started = System.nanoTime();
            assertThat(send("PUT", "/flooded/normal", "served").statusCode()).isEqualTo(200);
            assertThat(send("GET", "/flooded/normal", null).body()).isEqualTo("served");
            Duration served = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("normal client served in " + served.toMillis() + " ms beside " + FLOOD + " slow connections");
            assertThat(served).isLessThan(Duration.ofSeconds(10));
            int timedOut = 0;
            for (RawConnection slow : flood) {
                RawConnection.Response answer = slow.read();
                if (answer.status() == 400 && "RequestTimeout".equals(answer.errorCode())) {
                    timedOut++;
                }
            }
            assertThat(timedOut).isEqualTo(FLOOD);
        } finally {
            flood.forEach(RawConnection::close);
        }
    }

    @Test
    void connectionsBeyondTheLimitAre503SlowDown() throws Exception {
        try (SideRunner limited = SideRunner.start(Map.of("mocks3.server.max-connections", "5"))) {
            List<RawConnection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    // one exchange each, so the server has surely counted it before the sixth arrives
                    RawConnection connection = new RawConnection(limited.port(), Duration.ofSeconds(15));
                    held.add(connection);
                    assertThat(connection.send("GET /_mocks3/health HTTP/1.1\r\nHost: localhost\r\n\r\n").read().status())
                            .isEqualTo(200);
                }
                try (RawConnection oneTooMany = new RawConnection(limited.port(), Duration.ofSeconds(15))) {
                    RawConnection.Response answer = oneTooMany.read();
                    assertThat(answer.status()).isEqualTo(503);
                    assertThat(answer.errorCode()).isEqualTo("SlowDown");
                    assertThat(oneTooMany.closedByServer()).isTrue();
                }
            } finally {
                held.forEach(RawConnection::close);
            }
            // the server learns of the closes asynchronously: capacity must come back soon, not at once
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int status;
            do {
                status = http.send(HttpRequest.newBuilder(URI.create(limited.endpoint() + "/_mocks3/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode();
                if (status != 200) {
                    Thread.sleep(50);
                }
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("a request after the held connections closed").isEqualTo(200);
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(mocks3.endpoint() + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

}
