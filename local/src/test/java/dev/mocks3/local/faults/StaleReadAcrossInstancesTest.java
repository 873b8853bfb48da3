package dev.mocks3.local.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

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
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").metadata(Map.of("note", "café")).acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("v1"));
        GetObjectResponse before = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).response();
        String id = staleReadsOf(bucket);
        try {
            writeFromAPutOnlyInstance(s3 -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v2")));
            var stale = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"));
            assertThat(stale.asUtf8String()).as("within the window GetObject answers the version before the put")
                    .isEqualTo("v1");
            assertThat(stale.response().metadata()).as("metadata as a GET sends it (RFC 2047 for non-ASCII)")
                    .isEqualTo(before.metadata()).containsEntry("note", "=?UTF-8?B?Y2Fmw6k=?=");
            assertThat(stale.response().sdkHttpResponse().headers().keySet())
                    .as("no header of MockS3's own").noneMatch(name -> name.toLowerCase().startsWith("x-mocks3-"));
        } finally {
            api.delete(id);
        }
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("v2");
    }

    @Test
    void anSseCObjectIsNeverServedStaleWithoutItsKey() throws Exception {
        String bucket = mocks3.newBucket("stale-sse-c");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String base64 = Base64.getEncoder().encodeToString(key);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").sseCustomerAlgorithm("AES256").sseCustomerKey(base64)
                .sseCustomerKeyMD5(md5), RequestBody.fromString("secret v1"));
        String id = staleReadsOf(bucket);
        try {
            writeFromAPutOnlyInstance(s3 -> s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("plain v2")));
            assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
                    .as("the encrypted version was not kept to be served without its key").isEqualTo("plain v2");
        } finally {
            api.delete(id);
        }
    }

    private String staleReadsOf(String bucket) {
        return api.create("{\"name\":\"stale\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket
                + "\"}],\"action\":{\"type\":\"stale_read\",\"window\":\"30s\"}}");
    }

    /** Runs {@code write} against a second instance that serves putObject alone (no getObject to read the old state). */
    private void writeFromAPutOnlyInstance(Consumer<S3Client> write) {
        Map<String, Object> settings = mocks3.anotherInstanceSettings();
        settings.put("spring.cloud.function.definition", "putObject");
        settings.put("mocks3.faults.api-port", "-1");
        try (LocalRunner putOnly = LocalRunner.start(settings);
             S3Client s3 = MockS3Fixture.singleAttemptClient(URI.create("http://localhost:" + putOnly.port()))) {
            write.accept(s3);
        }
    }
}
