package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket whose upstream is a second MockS3: a GET of a key it does not hold is read through from
 * the upstream, then stored, so it is served locally even once the upstream is gone; a
 * {@code third-party-service} fault rule fails read-through answers only, and what it failed is not stored.
 */
class ThirdPartyReadThroughTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient rules = new RulesApiClient(mocks3);
    private final S3Client s3 = MockS3Fixture.singleAttemptClient(mocks3.endpoint());

    @Test
    void missingKeysAreReadThroughFromTheUpstreamThenServedLocally() throws Exception {
        String mirror = mocks3.newBucket("mirror");
        String origin = MockS3Fixture.uniqueBucket("origin");
        String content = "held by the upstream only " + UUID.randomUUID();
        String faulted = "the upstream fails for this one " + UUID.randomUUID();
        try (SideRunner upstream = SideRunner.start(Map.of())) {
            S3Client originS3 = MockS3Fixture.singleAttemptClient(upstream.endpoint());
            originS3.createBucket(b -> b.bucket(origin));
            originS3.putObject(b -> b.bucket(origin).key("docs/a.txt").contentType("text/plain").metadata(Map.of("team", "blue")),
                    RequestBody.fromString(content));
            originS3.putObject(b -> b.bucket(origin).key("docs/b.txt"), RequestBody.fromString(faulted));

            HttpResponse<String> set = upstreamApi("PUT", mirror, "{\"type\":\"s3\",\"endpoint\":\"" + upstream.endpoint()
                    + "\",\"bucket\":\"" + origin + "\",\"access_key\":\"test\",\"secret_key\":\"test\"}");
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(set.body()).doesNotContain("\"secret_key\":\"test\"");
            assertThat(upstreamApi("GET", mirror, null).body()).contains(origin);

            ResponseBytes<GetObjectResponse> first = s3.getObjectAsBytes(b -> b.bucket(mirror).key("docs/a.txt"));
            assertThat(first.asUtf8String()).isEqualTo(content);
            assertThat(first.response().contentType()).isEqualTo("text/plain");
            assertThat(first.response().metadata()).containsEntry("team", "blue");
            assertThat(source(first.response())).contains("upstream");
            assertThatThrownBy(() -> s3.getObject(b -> b.bucket(mirror).key("docs/none.txt"))).isInstanceOf(NoSuchKeyException.class);

            waitUntilLocal(mirror, "docs/a.txt");

            String rule = rules.create("{\"name\":\"upstream down\",\"service\":\"third-party-service\","
                    + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"message\":\"upstream unavailable\"}}");
            try {
                assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(mirror).key("docs/b.txt")))
                        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
                assertThat(s3.getObjectAsBytes(b -> b.bucket(mirror).key("docs/a.txt")).asUtf8String())
                        .as("a local read is not the third-party service").isEqualTo(content);
            } finally {
                rules.delete(rule);
            }
            assertThat(headSource(mirror, "docs/b.txt")).as("what the fault failed was not stored").contains("upstream");
            waitUntilLocal(mirror, "docs/b.txt");
        }
        ResponseBytes<GetObjectResponse> afterUpstreamStopped = s3.getObjectAsBytes(b -> b.bucket(mirror).key("docs/a.txt"));
        assertThat(afterUpstreamStopped.asUtf8String()).isEqualTo(content);
        assertThat(source(afterUpstreamStopped.response())).isEmpty();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(mirror).key("docs/b.txt")).asUtf8String()).isEqualTo(faulted);

        assertThat(upstreamApi("DELETE", mirror, null).statusCode()).isEqualTo(204);
        assertThat(upstreamApi("GET", mirror, null).statusCode()).isEqualTo(404);
    }

    @Test
    void upstreamSettingsAreCheckedAndBrowsersRefused() {
        String bucket = mocks3.newBucket("badupstream");
        assertThat(upstreamApi("PUT", bucket, "{\"type\":\"ftp\",\"endpoint\":\"ftp://x\"}").statusCode()).isEqualTo(400);
        assertThat(upstreamApi("PUT", bucket, "{\"type\":\"s3\"}").statusCode()).as("no bucket").isEqualTo(400);
        assertThat(upstreamApi("PUT", bucket, "not json").statusCode()).isEqualTo(400);
        assertThat(upstreamApi("PUT", MockS3Fixture.uniqueBucket("nobucket"), "{\"type\":\"http\",\"endpoint\":\"http://localhost:1/\"}")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> fromBrowser = send(HttpRequest.newBuilder(upstreamUri(bucket)).header("Origin", "http://evil.example")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"http\",\"endpoint\":\"http://localhost:1/\"}")));
        assertThat(fromBrowser.statusCode()).isEqualTo(403);
    }

    private void waitUntilLocal(String bucket, String key) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (headSource(bucket, key).isPresent()) {
            assertThat(System.nanoTime()).as("%s stored locally in time", key).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Optional<String> source(GetObjectResponse response) {
        return response.sdkHttpResponse().firstMatchingHeader("x-mocks3-source");
    }

    /** Where a HEAD's answer came from: "upstream", or empty when the bucket holds the key. */
    private Optional<String> headSource(String bucket, String key) {
        return s3.headObject(b -> b.bucket(bucket).key(key)).sdkHttpResponse().firstMatchingHeader("x-mocks3-source");
    }

    private URI upstreamUri(String bucket) {
        return mocks3.uri("/_mocks3/buckets/" + bucket + "/upstream");
    }

    private HttpResponse<String> upstreamApi(String method, String bucket, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(upstreamUri(bucket)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return mocks3.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
