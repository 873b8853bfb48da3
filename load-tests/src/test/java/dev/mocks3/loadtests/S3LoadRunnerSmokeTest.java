package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mocks3.faults.api.FaultsApiServer;
import dev.mocks3.local.LocalRunner;

/**
 * The runner against a real MockS3 (the local runner on its embedded PostgreSQL and Redis), made to
 * misbehave with MockS3's own fault rules, so the runner is known to notice what it claims to.
 */
class S3LoadRunnerSmokeTest {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static LocalRunner mocks3;
    private static String s3Url;
    private static String rulesUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final String bucket = "load-smoke-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void startMockS3() {
        Path dataDir = Path.of("target", "smoke-data", UUID.randomUUID().toString()).toAbsolutePath();
        mocks3 = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString()));
        s3Url = "http://127.0.0.1:" + mocks3.port();
        rulesUrl = "http://127.0.0.1:" + mocks3.context().getBean(FaultsApiServer.class).port();
    }

    @AfterAll
    static void stopMockS3() {
        mocks3.close();
    }

    @Test
    void everyScenarioRunsAndReportsEveryOperationAndLeavesNothingBehind() throws Exception {
        S3LoadRunner.Report report = run("all", "--rules", "3", "--rules-url", rulesUrl);

        assertThat(report.failed()).isFalse();
        assertThat(report.putGet()).hasSize(2).allSatisfy(r -> {
            assertThat(r.put().successes()).isPositive();
            assertThat(r.get().successes()).isEqualTo(r.put().successes());
            assertThat(r.errors()).isZero();
            assertThat(r.put().percentileMillis(99)).isGreaterThanOrEqualTo(r.put().percentileMillis(50));
        });
        assertThat(report.gets()).hasSize(2).allSatisfy(r -> {
            assertThat(r.get().successes()).isPositive();
            assertThat(r.get().errors()).isZero();
        });
        assertThat(report.largeObjects()).singleElement().satisfies(r -> {
            assertThat(r.intact()).isTrue();
            assertThat(r.bytesReceived()).isEqualTo(8L << 20);
            assertThat(r.putMibPerSecond()).isPositive();
        });
        assertThat(printed())
                .contains("3 enabled fault rules that match no request")
                .contains("| put-get-4k | 2 | PUT |", "| put-get-4k | 3 | GET |", "| get-4k | 2 | GET |",
                        "| large-object 8 MiB | 1 | GET |")
                .contains("SHA-256 matches");
        // the bucket could only be deleted empty; the rules were deleted too
        assertThat(send("HEAD", s3Url + "/" + bucket, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", rulesUrl + "/api/v1/rules", null).body()).doesNotContain("load-test non-matching");
    }

    @Test
    void bodiesThatComeBackAlteredFailTheRun() throws Exception {
        String rule = createRule("{\"type\":\"corrupt\",\"bytes\":1}", "GetObject");
        try {
            S3LoadRunner.Report report = run("all");

            assertThat(report.failed()).isTrue();
            assertThat(report.largeObjects().get(0).intact()).isFalse();
            assertThat(report.putGet()).allSatisfy(r -> assertThat(r.get().errors()).isPositive());
            assertThat(report.gets()).allSatisfy(r -> {
                assertThat(r.get().errors()).isPositive();
                assertThat(r.get().successes()).isZero();
            });
            assertThat(printed()).contains("SHA-256 sent");
        } finally {
            send("DELETE", rulesUrl + "/api/v1/rules/" + rule, null);
        }
    }

    @Test
    void failedPutsAreCountedAsErrorsNotAsLatencies() throws Exception {
        String rule = createRule("{\"type\":\"http_error\",\"http_code\":500}", "PutObject");
        try {
            S3LoadRunner.Report report = run("put-get-4k");

            assertThat(report.failed()).isTrue();
            assertThat(report.putGet()).allSatisfy(r -> {
                assertThat(r.put().errors()).isPositive();
                assertThat(r.put().successes()).isZero();
                assertThat(r.get().successes()).isZero();
            });
        } finally {
            send("DELETE", rulesUrl + "/api/v1/rules/" + rule, null);
        }
    }

    private S3LoadRunner.Report run(String scenario, String... more) throws Exception {
        String[] args = {"--url", s3Url, "--bucket", bucket, "--scenario", scenario, "--concurrency", "2,3",
                "--duration", "300ms", "--warmup", "100ms", "--max-pairs", "500", "--size", "8MiB"};
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return S3LoadRunner.run(S3LoadRunner.Options.parse(all), new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    /** A fault rule on this test's bucket and one operation; answers its id. */
    private String createRule(String action, String operation) throws IOException, InterruptedException {
        HttpResponse<String> created = send("POST", rulesUrl + "/api/v1/rules", "{\"name\":\"load smoke\",\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"" + bucket + "\"},{\"type\":\"operation\",\"value\":\"" + operation
                + "\"}],\"action\":" + action + "}");
        Matcher id = ID.matcher(created.body());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private HttpResponse<String> send(String method, String url, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
