package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Each fault action as an AWS SDK v2 client sees it. Every rule is scoped to the test's own bucket. */
class FaultInjectionSdkTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);
    private final List<String> rules = new ArrayList<>();
    /** A client that does not retry, so each request's fate is seen as is. */
    private final S3Client once = MockS3Fixture.singleAttemptClient(mocks3.endpoint());

    @AfterEach
    void removeRules() {
        rules.forEach(api::delete);
    }

    private void rule(String bucket, String conditions, String action) {
        rules.add(api.create("{\"name\":\"it\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket + "\"}"
                + (conditions.isEmpty() ? "" : "," + conditions) + "],\"action\":" + action + "}"));
    }

    private String bucketWith(String key, String content) {
        String bucket = mocks3.newBucket("faults");
        mocks3.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content));
        return bucket;
    }

    @Test
    void httpErrorIsAnS3ErrorWithItsCodeAndIsLoggedWithTheRequestId() {
        String bucket = bucketWith("k", "hello");
        rule(bucket, "{\"type\":\"operation\",\"value\":\"GetObject\"}",
                "{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\",\"message\":\"slow down injected\"}");
        S3Exception e = (S3Exception) org.assertj.core.api.Assertions.catchThrowable(
                () -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")));
        assertThat(e.statusCode()).isEqualTo(503);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
        JsonNode events = api.events("bucket=" + bucket, 1).get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("request_id").asText()).isEqualTo(e.requestId());
        assertThat(events.get(0).get("operation").asText()).isEqualTo("GetObject");
    }

    @Test
    void firstTwoAttemptsAtEachKeyFailThenTheSdkRetrySucceeds() {
        String bucket = mocks3.newBucket("retry");
        rule(bucket, "{\"type\":\"request_count\",\"first\":2,\"per\":\"key\"}",
                "{\"type\":\"http_error\",\"http_code\":500}");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("a"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("b"), RequestBody.fromString("b"));
        assertThat(api.events("bucket=" + bucket, 4).get("total").asInt()).isEqualTo(4);
    }

    @Test
    void afterPhaseErrorStoresTheObjectButTheClientSees500() {
        String bucket = mocks3.newBucket("after");
        rule(bucket, "{\"type\":\"operation\",\"value\":\"PutObject\"}",
                "{\"type\":\"http_error\",\"http_code\":500,\"phase\":\"after\"}");
        assertThatThrownBy(() -> once.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("stored")))
                .isInstanceOf(S3Exception.class);
        assertThat(once.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("stored");
    }

    @Test
    void delayIsMeasuredByTheClient() {
        String bucket = mocks3.newBucket("delay");
        rule(bucket, "{\"type\":\"operation\",\"value\":\"HeadBucket\"}", "{\"type\":\"delay\",\"delay\":\"1s\"}");
        long start = System.nanoTime();
        once.headBucket(b -> b.bucket(bucket));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void resetIsAnIoErrorOnTheClient() {
        String bucket = bucketWith("k", "hello");
        rule(bucket, "{\"type\":\"operation\",\"value\":\"GetObject\"}", "{\"type\":\"reset\"}");
        assertThatThrownBy(() -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void truncatedBodyFailsTheRead() {
        String bucket = bucketWith("k", "x".repeat(100_000));
        rule(bucket, "{\"type\":\"operation\",\"value\":\"GetObject\"}", "{\"type\":\"truncate\",\"keep_bytes\":1000}");
        assertThatThrownBy(() -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                .isInstanceOf(SdkClientException.class);
    }

    @Test
    void corruptedBodyIsRefusedByTheSdkChecksumValidation() {
        String content = "y".repeat(10_000);
        String bucket = bucketWith("k", content);
        rule(bucket, "{\"type\":\"operation\",\"value\":\"GetObject\"}", "{\"type\":\"corrupt\",\"bytes\":4}");
        assertThatThrownBy(() -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")
                        .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void wrongEtagIsAnsweredOnHead() {
        String bucket = mocks3.newBucket("etag");
        String etag = mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("e")).eTag();
        rule(bucket, "{\"type\":\"operation\",\"value\":\"HeadObject\"}", "{\"type\":\"corrupt\",\"target\":\"etag\"}");
        assertThat(once.headObject(b -> b.bucket(bucket).key("k")).eTag()).isNotEqualTo(etag).hasSameSizeAs(etag);
    }

    @Test
    void throttleRefusesBeyondTheRateWithSlowDown() {
        String bucket = mocks3.newBucket("throttle");
        rule(bucket, "", "{\"type\":\"throttle\",\"rate\":2,\"interval\":\"1m\",\"per\":\"bucket\"}");
        once.headBucket(b -> b.bucket(bucket));
        once.headBucket(b -> b.bucket(bucket));
        assertThatThrownBy(() -> once.listObjectsV2(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void staleReadShowsThePreviousVersionForItsWindow() throws Exception {
        String bucket = bucketWith("k", "v1");
        rule(bucket, "", "{\"type\":\"stale_read\",\"window\":\"3s\"}");
        once.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v2"));
        assertThat(once.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v1");
        Thread.sleep(3500);
        assertThat(once.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v2");
    }

    @Test
    void staleReadAfterADeleteServesTheDeletedObjectForItsWindow() throws Exception {
        String bucket = mocks3.newBucket("stale-delete");
        String etag = once.putObject(b -> b.bucket(bucket).key("k").contentType("text/plain"), RequestBody.fromString("kept")).eTag();
        rule(bucket, "", "{\"type\":\"stale_read\",\"window\":\"3s\"}");
        once.deleteObject(b -> b.bucket(bucket).key("k"));

        var stale = once.getObjectAsBytes(b -> b.bucket(bucket).key("k"));
        assertThat(stale.asUtf8String()).isEqualTo("kept");
        assertThat(stale.response().eTag()).isEqualTo(etag);
        assertThat(stale.response().contentType()).isEqualTo("text/plain");
        assertThat(once.headObject(b -> b.bucket(bucket).key("k")).eTag()).isEqualTo(etag);
        Thread.sleep(3500);
        assertThatThrownBy(() -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThatThrownBy(() -> once.headObject(b -> b.bucket(bucket).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void staleListingHidesANewKeyAndShowsADeletedOneForItsWindow() throws Exception {
        String bucket = bucketWith("old", "o");
        rule(bucket, "", "{\"type\":\"stale_read\",\"window\":\"3s\"}");
        once.putObject(b -> b.bucket(bucket).key("new"), RequestBody.fromString("n"));
        once.deleteObject(b -> b.bucket(bucket).key("old"));
        assertThat(keys(bucket)).containsExactly("old");
        Thread.sleep(3500);
        assertThat(keys(bucket)).containsExactly("new");
    }

    private List<String> keys(String bucket) {
        return once.listObjectsV2(b -> b.bucket(bucket)).contents().stream()
                .map(software.amazon.awssdk.services.s3.model.S3Object::key).toList();
    }

    @Test
    void timeoutHoldsTheRequestThenDropsIt() {
        String bucket = bucketWith("k", "held");
        rule(bucket, "{\"type\":\"operation\",\"value\":\"GetObject\"}", "{\"type\":\"timeout\",\"after\":\"1500ms\"}");
        long start = System.nanoTime();
        assertThatThrownBy(() -> once.getObjectAsBytes(b -> b.bucket(bucket).key("k")))
                .isInstanceOf(SdkClientException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void slowFirstByteDelaysTheBodyButDeliversItWhole() {
        String content = "z".repeat(50_000);
        String bucket = bucketWith("k", content);
        rule(bucket, "{\"type\":\"operation\",\"value\":\"GetObject\"}", "{\"type\":\"slow_first_byte\",\"delay\":\"1s\"}");
        long start = System.nanoTime();
        String body = once.getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)).asUtf8String();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
        assertThat(body).isEqualTo(content);
    }

    @Test
    void seededProbabilityHitsAboutItsShareReproducibly() {
        String bucket = bucketWith("k", "p");
        rules.add(api.create("{\"name\":\"p\",\"service\":\"storage-service\",\"seed\":42,\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"" + bucket + "\"},{\"type\":\"probability\",\"value\":0.1}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":500,\"message\":\"Internal server error injected\"}}"));
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                once.getObjectAsBytes(b -> b.bucket(bucket).key("k"));
            } catch (S3Exception e) {
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Internal server error injected");
                failed.add(i);
            }
        }
        // 10% of 200 = 20, sd 4.2
        assertThat(failed.size()).isBetween(5, 40);
        // the same seed gives the same requests again once the rule is re-created
        api.delete(rules.remove(0));
        rules.add(api.create("{\"name\":\"p\",\"service\":\"storage-service\",\"seed\":42,\"conditions\":["
                + "{\"type\":\"bucket\",\"value\":\"" + bucket + "\"},{\"type\":\"probability\",\"value\":0.1}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":500}}"));
        List<Integer> again = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                once.getObjectAsBytes(b -> b.bucket(bucket).key("k"));
            } catch (S3Exception e) {
                again.add(i);
            }
        }
        assertThat(again).isEqualTo(failed);
    }

    @Test
    void localStackFaultFailsTheNamedOperation() {
        String bucket = mocks3.newBucket("ls");
        try {
            api.send("POST", "/_localstack/chaos/faults", "[{\"service\":\"s3\",\"operation\":\"HeadBucket\"}]");
            assertThatThrownBy(() -> once.headBucket(b -> b.bucket(bucket)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
            once.listObjectsV2(b -> b.bucket(bucket));
        } finally {
            api.send("POST", "/_localstack/chaos/faults", "[]");
        }
        once.headBucket(b -> b.bucket(bucket));
    }

    @Test
    void localStackChaosApiAnswersOnTheS3PortToo() {
        String bucket = mocks3.newBucket("ls-s3-port");
        RulesApiClient s3Port = new RulesApiClient(URI.create("http://localhost:" + mocks3.endpoint().getPort()), mocks3.http());
        try {
            assertThat(s3Port.send("POST", "/_localstack/chaos/faults",
                    "[{\"service\":\"s3\",\"operation\":\"HeadBucket\"}]").statusCode()).isEqualTo(200);
            assertThat(s3Port.get("/_localstack/chaos/faults")).isEqualTo(api.get("/_localstack/chaos/faults"));
            assertThatThrownBy(() -> once.headBucket(b -> b.bucket(bucket)))
                    .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(503));
        } finally {
            s3Port.send("POST", "/_localstack/chaos/faults", "[]");
        }
        assertThat(s3Port.get("/_localstack/chaos/faults").size()).isZero();
        once.headBucket(b -> b.bucket(bucket));
    }
}
