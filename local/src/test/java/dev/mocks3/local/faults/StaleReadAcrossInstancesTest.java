package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * stale_read as deployed: the write is served by the put-object service, which holds no getObject
 * function, and the stale view is read from another instance.
 */
class StaleReadAcrossInstancesTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RulesApiClient api = new RulesApiClient(mocks3);

    @Test
    void staleReadShowsThePreviousVersionWhenThePutIsServedByAPutObjectOnlyInstance() {
        String bucket = mocks3.newBucket("stale-put-only");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v1"));
        String id = api.create("{\"name\":\"stale\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket
                + "\"}],\"action\":{\"type\":\"stale_read\",\"window\":\"30s\"}}");
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition", "putObject");
        settings.put("mocks3.faults.api-port", "-1");
        try (LocalRunner putOnly = LocalRunner.start(settings);
             S3Client s3 = MockS3Fixture.singleAttemptClient(URI.create("http://localhost:" + putOnly.port()))) {
            s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v2"));
            assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
                    .as("within the window GetObject answers the version before the put").isEqualTo("v1");
        } finally {
            api.delete(id);
        }
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v2");
    }
}
