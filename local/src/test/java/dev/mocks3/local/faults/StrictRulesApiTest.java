package dev.mocks3.local.faults;

import static dev.mocks3.local.StrictMockS3.KEY_A;
import static dev.mocks3.local.StrictMockS3.SECRET_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.StrictMockS3;

/** In strict mode the rules API wants what the S3 port wants: a SigV4 signature with an S3 key, or the token. */
class StrictRulesApiTest {
    private static final String JSON = "application/json";
    private static StrictMockS3 mocks3;
    private static RulesApiClient api;
    private static RulesApiClient s3Port;

    @BeforeAll
    static void start() {
        mocks3 = new StrictMockS3();
        api = new RulesApiClient(mocks3.api(""), mocks3.http());
        s3Port = new RulesApiClient(mocks3.s3(""), mocks3.http());
    }

    @AfterAll
    static void stop() {
        mocks3.close();
    }

    private static String rule(String id) {
        return """
                {"id": "%s", "name": "strict", "service": "storage-service", "enabled": false,
                 "conditions": [{"type": "probability", "value": 0.1}],
                 "action": {"type": "http_error", "http_code": 500}}""".formatted(id);
    }

    private static int statusOf(String id) {
        return api.send("GET", "/api/v1/rules/" + id, null, "Authorization", "Bearer " + StrictMockS3.API_TOKEN)
                .statusCode();
    }

    @Test
    void unsignedRequestsAreRefused() {
        String id = "unsigned-" + UUID.randomUUID();
        HttpResponse<String> post = api.send("POST", "/api/v1/rules", rule(id));

        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(post.body()).contains("\"error\":\"access_denied\"");
        assertThat(api.send("GET", "/api/v1/rules", null).statusCode()).isEqualTo(403);
        assertThat(api.send("POST", "/_localstack/chaos/faults", "[]").statusCode()).isEqualTo(403);
        assertThat(s3Port.send("POST", "/_localstack/chaos/faults", "[]").statusCode()).isEqualTo(403);
        assertThat(s3Port.send("GET", "/_localstack/chaos/faults", null).statusCode()).isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo(404);
    }

    @Test
    void ruleSignedByTheSdkSignerWithAnS3KeyIsCreated() {
        String id = "signed-" + UUID.randomUUID();
        HttpResponse<String> post = mocks3.signed(KEY_A, SECRET_A, "s3").send("POST", mocks3.api("/api/v1/rules"),
                rule(id), Map.of("Content-Type", JSON));

        assertThat(post.statusCode()).as(post.body()).isEqualTo(201);
        assertThat(statusOf(id)).isEqualTo(200);
        // any service name, and no x-amz-content-sha256 (the body hash is computed)
        HttpResponse<String> list = mocks3.signed(KEY_A, SECRET_A, "execute-api").send("GET",
                mocks3.api("/api/v1/rules"), null, Map.of());
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    }

    @Test
    void signatureOverAnotherBodyIsRefused() {
        String id = "tampered-" + UUID.randomUUID();
        for (String service : new String[] {"s3", "execute-api"}) {
            HttpResponse<String> post = mocks3.signed(KEY_A, SECRET_A, service).send("POST",
                    mocks3.api("/api/v1/rules"), rule("signed-" + id), rule(id), Map.of("Content-Type", JSON), Map.of());

            assertThat(post.statusCode()).as(service + ": " + post.body()).isEqualTo(403);
        }
        assertThat(statusOf(id)).isEqualTo(404);
    }

    @Test
    void curlWithAwsSigv4CreatesARule() throws Exception {
        String id = "curl-" + UUID.randomUUID();
        Process curl;
        try {
            curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                    "--aws-sigv4", "aws:amz:us-east-1:s3", "--user", KEY_A + ":" + SECRET_A,
                    "-H", "Content-Type: application/json", "-d", rule(id), mocks3.api("/api/v1/rules").toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "curl is not installed");
            return;
        }
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(curl.exitValue() != 2, "this curl has no --aws-sigv4");

        assertThat(status).isEqualTo("201");
        assertThat(statusOf(id)).isEqualTo(200);
    }

    @Test
    void bearerTokenIsAcceptedAndAWrongOneRefused() {
        String id = "token-" + UUID.randomUUID();
        assertThat(api.send("POST", "/api/v1/rules", rule(id), "Authorization", "Bearer wrong").statusCode())
                .isEqualTo(403);
        assertThat(statusOf(id)).isEqualTo(404);

        assertThat(api.send("POST", "/api/v1/rules", rule(id), "Authorization", "Bearer " + StrictMockS3.API_TOKEN)
                .statusCode()).isEqualTo(201);
        assertThat(statusOf(id)).isEqualTo(200);
    }

    @Test
    void theScheduledJobsEndpointIsGuardedTheSameWay() {
        java.net.URI scheduled = mocks3.s3("/_mocks3/jobs/scheduled");
        HttpResponse<String> unsigned = new RulesApiClient(mocks3.s3(""), mocks3.http()).send("GET", "/_mocks3/jobs/scheduled", null);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(unsigned.body()).contains("\"error\":\"access_denied\"");
        assertThat(new RulesApiClient(mocks3.s3(""), mocks3.http()).send("DELETE", "/_mocks3/jobs/scheduled/x", null)
                .statusCode()).isEqualTo(403);

        assertThat(mocks3.signed(KEY_A, SECRET_A, "s3").send("GET", scheduled, "", Map.of()).statusCode()).isEqualTo(200);
        assertThat(new RulesApiClient(mocks3.s3(""), mocks3.http()).send("GET", "/_mocks3/jobs/scheduled", null,
                "Authorization", "Bearer " + StrictMockS3.API_TOKEN).statusCode()).isEqualTo(200);
    }
}
