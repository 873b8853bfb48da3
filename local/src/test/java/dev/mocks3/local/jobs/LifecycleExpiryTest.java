package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.s3.BlobFiles;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * With a lifecycle day of three seconds, the lifecycle jobs run by themselves: an object under a 1-day
 * expiration rule is gone (and its blob with it) a few seconds after it was written, an object the
 * rule's prefix does not cover stays, and a multipart upload older than a day is aborted.
 */
class LifecycleExpiryTest {
    /** Short, yet long enough for the test to see what it wrote before it expires on a busy machine. */
    static final Duration DAY = Duration.ofSeconds(3);

    @Test
    void aOneDayRuleRemovesObjectsAndTheirBlobsAndAbortsStaleUploads() throws Exception {
        try (SideRunner fast = fastLifecycle(); S3Client s3 = clientOf(fast)) {
            String bucket = MockS3Fixture.uniqueBucket("expiry");
            s3.createBucket(b -> b.bucket(bucket));
            s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("expire-tmp").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.prefix("tmp/")).expiration(e -> e.days(1)).build(),
                    LifecycleRule.builder().id("abort-uploads").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.prefix("")).abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(1)).build())));

            String expiring = "expires after a day " + UUID.randomUUID();
            String kept = "no rule covers this " + UUID.randomUUID();
            String part = "part of an abandoned upload " + UUID.randomUUID();
            Instant written = Instant.now();
            s3.putObject(b -> b.bucket(bucket).key("tmp/scratch"), RequestBody.fromString(expiring));
            DatabaseClient db = fast.runner().context().getBean(DatabaseClient.class);
            assertThat(BlobFiles.isStored(fast.dataDir(), db, expiring)).isTrue();
            s3.putObject(b -> b.bucket(bucket).key("keep/report"), RequestBody.fromString(kept));
            String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("tmp/big")).uploadId();
            s3.uploadPart(b -> b.bucket(bucket).key("tmp/big").uploadId(uploadId).partNumber(1), RequestBody.fromString(part));
            assertThat(BlobFiles.ofContent(fast.dataDir(), part)).exists();

            Eventually.within(Duration.ofSeconds(30), "expiry of tmp/scratch", () -> !exists(s3, bucket, "tmp/scratch"));
            assertThat(Duration.between(written, Instant.now())).as("an object expires a lifecycle day after it was written")
                    .isGreaterThanOrEqualTo(DAY);
            assertThat(BlobFiles.isStored(fast.dataDir(), db, expiring)).as("blob of the expired object").isFalse();
            assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("keep/report")).asUtf8String()).isEqualTo(kept);
            assertThat(BlobFiles.isStored(fast.dataDir(), db, kept)).isTrue();

            Eventually.within(Duration.ofSeconds(30), "abort of the stale upload",
                    () -> s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty());
            assertThat(BlobFiles.ofContent(fast.dataDir(), part)).as("blob of the aborted upload's part").doesNotExist();
        }
    }

    /** A MockS3 whose lifecycle day lasts {@link #DAY}. */
    static SideRunner fastLifecycle() {
        return SideRunner.start(Map.of("mocks3.lifecycle.day", DAY.toMillis() + "ms"));
    }

    static S3Client clientOf(SideRunner runner) {
        return S3Client.builder().endpointOverride(runner.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY))).build();
    }

    static boolean exists(S3Client s3, String bucket, String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }
}
