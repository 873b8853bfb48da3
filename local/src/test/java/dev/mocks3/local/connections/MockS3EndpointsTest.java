package dev.mocks3.local.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;

/** MockS3's own endpoints live under /_mocks3/; every other path, "actuator" included, is S3. */
class MockS3EndpointsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void healthReportsEachDependency() throws Exception {
        for (String path : new String[] {"/_mocks3/health", "/health"}) {
            HttpResponse<String> health = get(path);
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).as(path).startsWith("{\"status\":\"UP\"")
                    .contains("\"postgres\":{\"status\":\"UP\"}", "\"redis\":{\"status\":\"UP\"}",
                            "\"blobStore\":{\"status\":\"UP\"}");
        }
    }

    @Test
    void actuatorAnswersUnderMockS3Path() throws Exception {
        HttpResponse<String> health = get("/_mocks3/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(health.headers().firstValue("x-amz-request-id")).isEmpty();
    }

    @Test
    void aBucketNamedActuatorIsAnS3Bucket() throws Exception {
        mocks3.s3().createBucket(b -> b.bucket("actuator"));
        HttpResponse<String> listing = get("/actuator/health");
        assertThat(listing.statusCode()).isEqualTo(404);
        assertThat(listing.body()).contains("<Code>NoSuchKey</Code>");
        assertThat(listing.headers().firstValue("x-amz-request-id")).isPresent();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return mocks3.http().send(HttpRequest.newBuilder(mocks3.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
