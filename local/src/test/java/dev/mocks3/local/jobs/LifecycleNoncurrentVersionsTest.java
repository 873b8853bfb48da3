package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.s3.BlobFiles;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectVersion;

/**
 * With a short lifecycle day ({@link LifecycleExpiryTest#DAY}), in versioned buckets: NoncurrentVersionExpiration
 * removes versions noncurrent for its days (and their blobs) but keeps the NewerNoncurrentVersions newest ones and
 * any version under a legal hold; ExpiredObjectDeleteMarker removes a delete marker only once it is the last version;
 * an Expiration Date already past expires every object it covers at once.
 */
class LifecycleNoncurrentVersionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @Test
    void noncurrentVersionsExpireExceptTheNewestKeptAndThoseUnderLegalHold() throws Exception {
        try (SideRunner fast = LifecycleExpiryTest.fastLifecycle(); S3Client s3 = LifecycleExpiryTest.clientOf(fast)) {
            String bucket = MockS3Fixture.uniqueBucket("noncurrent");
            s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
            s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("keep-one").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("many/"))
                            .noncurrentVersionExpiration(n -> n.noncurrentDays(1).newerNoncurrentVersions(1)).build(),
                    LifecycleRule.builder().id("keep-none").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("one/"))
                            .noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build())));

            String oldest = "oldest " + UUID.randomUUID();
            String first = put(s3, bucket, "many/k", oldest);
            String second = put(s3, bucket, "many/k", "second " + UUID.randomUUID());
            String third = put(s3, bucket, "many/k", "current " + UUID.randomUUID());
            String held = put(s3, bucket, "one/held", "under legal hold " + UUID.randomUUID());
            s3.putObjectLegalHold(b -> b.bucket(bucket).key("one/held").versionId(held)
                    .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
            put(s3, bucket, "one/held", "replaces the held one");
            String freeContent = "free " + UUID.randomUUID();
            String free = put(s3, bucket, "one/free", freeContent);
            Instant replaced = Instant.now();
            put(s3, bucket, "one/free", "replaces the free one");
            assertThat(BlobFiles.ofContent(fast.dataDir(), oldest)).exists();

            Eventually.within(PATIENCE, "expiry of the oldest noncurrent version",
                    () -> !versionIds(s3, bucket, "many/k").contains(first));
            Eventually.within(PATIENCE, "expiry of the free noncurrent version",
                    () -> !versionIds(s3, bucket, "one/free").contains(free));
            assertThat(Duration.between(replaced, Instant.now())).as("a version expires a day after it became noncurrent")
                    .isGreaterThanOrEqualTo(LifecycleExpiryTest.DAY);
            assertThat(BlobFiles.ofContent(fast.dataDir(), oldest)).as("blob of the removed version").doesNotExist();
            assertThat(BlobFiles.ofContent(fast.dataDir(), freeContent)).as("blob of the removed version").doesNotExist();

            Thread.sleep(LifecycleExpiryTest.DAY.toMillis());
            assertThat(versionIds(s3, bucket, "many/k")).as("the newest noncurrent version is kept, and the current one")
                    .containsExactly(third, second);
            assertThat(versionIds(s3, bucket, "one/held")).as("a version under legal hold stays").contains(held);
        }
    }

    @Test
    void aDeleteMarkerGoesOnlyWhenItIsTheLastVersionOfItsKey() throws Exception {
        try (SideRunner fast = LifecycleExpiryTest.fastLifecycle(); S3Client s3 = LifecycleExpiryTest.clientOf(fast)) {
            String bucket = MockS3Fixture.uniqueBucket("lonemarker");
            s3.createBucket(b -> b.bucket(bucket));
            s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
            s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("markers").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                            .expiration(e -> e.expiredObjectDeleteMarker(true)).build(),
                    LifecycleRule.builder().id("old-versions").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/"))
                            .noncurrentVersionExpiration(n -> n.noncurrentDays(1)).build(),
                    LifecycleRule.builder().id("past-date").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("dated/"))
                            .expiration(e -> e.date(Instant.parse("2020-01-01T00:00:00Z"))).build())));

            String alone = put(s3, bucket, "alone", "deleted for good");
            s3.deleteObject(b -> b.bucket(bucket).key("alone"));
            put(s3, bucket, "kept", "a version behind the marker");
            s3.deleteObject(b -> b.bucket(bucket).key("kept"));
            put(s3, bucket, "tmp/x", "noncurrent for a day, then the marker is alone");
            s3.deleteObject(b -> b.bucket(bucket).key("tmp/x"));
            assertThat(markers(s3, bucket)).as("markers with versions behind them stay")
                    .containsExactlyInAnyOrder("alone", "kept", "tmp/x");
            s3.deleteObject(b -> b.bucket(bucket).key("alone").versionId(alone));

            String dated = put(s3, bucket, "dated/a", "expired by a date already past");

            Eventually.within(PATIENCE, "removal of the lone delete markers and expiry by date",
                    () -> markers(s3, bucket).equals(List.of("dated/a", "kept")));
            assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions()).extracting(ObjectVersion::versionId)
                    .as("the versions behind the remaining markers").hasSize(2).contains(dated);
        }
    }

    private static String put(S3Client s3, String bucket, String key, String content) {
        return s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content)).versionId();
    }

    /** The key's version ids, newest first. */
    private static List<String> versionIds(S3Client s3, String bucket, String key) {
        return s3.listObjectVersions(b -> b.bucket(bucket).prefix(key)).versions().stream()
                .filter(v -> v.key().equals(key)).map(ObjectVersion::versionId).toList();
    }

    private static List<String> markers(S3Client s3, String bucket) {
        return s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers().stream().map(DeleteMarkerEntry::key).toList();
    }
}
