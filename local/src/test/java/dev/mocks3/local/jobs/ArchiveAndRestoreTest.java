package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.OptionalObjectAttributes;
import software.amazon.awssdk.services.s3.model.RestoreStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Storage classes that archive: lifecycle transitions move current objects and noncurrent versions to
 * colder classes (shown by HEAD and the listings); an object in GLACIER or DEEP_ARCHIVE (by transition, or
 * written or copied so) cannot be read or copied until RestoreObject has made a temporary copy, which is
 * readable from a short delay on until its Days run out. Lifecycle days last {@link LifecycleExpiryTest#DAY},
 * restore days {@link #RESTORE_DAY}.
 */
class ArchiveAndRestoreTest {
    private static final Duration RESTORE_DELAY = Duration.ofSeconds(4);
    /** Long enough for the reads of the restored copy on a busy machine before it expires. */
    private static final Duration RESTORE_DAY = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static SideRunner runner;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        runner = SideRunner.start(Map.of("mocks3.lifecycle.day", LifecycleExpiryTest.DAY.toMillis() + "ms",
                "mocks3.restore.delay", RESTORE_DELAY.toMillis() + "ms", "mocks3.restore.day", RESTORE_DAY.toMillis() + "ms"));
        s3 = LifecycleExpiryTest.clientOf(runner);
    }

    @AfterAll
    static void stop() {
        s3.close();
        runner.close();
    }

    @Test
    void transitionsMoveObjectsAndNoncurrentVersionsToColderClasses() throws Exception {
        String bucket = MockS3Fixture.uniqueBucket("transition");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("archive").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("cold/"))
                        .transitions(t -> t.days(1).storageClass(TransitionStorageClass.GLACIER))
                        .noncurrentVersionTransitions(t -> t.noncurrentDays(1).storageClass(TransitionStorageClass.DEEP_ARCHIVE))
                        .build(),
                LifecycleRule.builder().id("later").status(ExpirationStatus.ENABLED).filter(f -> f.prefix("warm/"))
                        .transitions(t -> t.days(30).storageClass(TransitionStorageClass.STANDARD_IA)).build())));
        String old = s3.putObject(b -> b.bucket(bucket).key("cold/a"), RequestBody.fromString("old")).versionId();
        s3.putObject(b -> b.bucket(bucket).key("cold/a"), RequestBody.fromString("new"));
        s3.putObject(b -> b.bucket(bucket).key("warm/b"), RequestBody.fromString("stays standard"));

        Eventually.within(PATIENCE, "transition of cold/a to GLACIER",
                () -> s3.headObject(b -> b.bucket(bucket).key("cold/a")).storageClass() == StorageClass.GLACIER);
        Eventually.within(PATIENCE, "transition of the noncurrent version to DEEP_ARCHIVE",
                () -> s3.headObject(b -> b.bucket(bucket).key("cold/a").versionId(old)).storageClassAsString()
                        .equals("DEEP_ARCHIVE"));
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key, S3Object::storageClassAsString)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("cold/a", "GLACIER"),
                        org.assertj.core.groups.Tuple.tuple("warm/b", "STANDARD"));
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("cold/")).versions())
                .extracting(ObjectVersion::storageClassAsString).containsExactly("GLACIER", "DEEP_ARCHIVE");
        assertError(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cold/a")), 403, "InvalidObjectState");
        assertError(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("cold/a").versionId(old)), 403, "InvalidObjectState");
    }

    @Test
    void anArchivedObjectIsReadableOnlyWhileARestoredCopyIs() throws Exception {
        String bucket = MockS3Fixture.uniqueBucket("restore");
        s3.createBucket(b -> b.bucket(bucket));
        String content = "archived " + UUID.randomUUID();
        s3.putObject(b -> b.bucket(bucket).key("frozen").storageClass(StorageClass.GLACIER), RequestBody.fromString(content));
        s3.putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("standard"));

        assertThat(s3.headObject(b -> b.bucket(bucket).key("frozen")).storageClass()).isEqualTo(StorageClass.GLACIER);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("frozen")).restore()).as("no restore asked yet").isNull();
        assertError(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("frozen")), 403, "InvalidObjectState");
        assertError(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("frozen").destinationBucket(bucket)
                .destinationKey("copy")), 403, "InvalidObjectState");
        assertError(() -> restore(bucket, "plain"), 403, "InvalidObjectState");
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("plain").destinationBucket(bucket).destinationKey("archived-copy")
                .storageClass(StorageClass.DEEP_ARCHIVE));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("archived-copy")).storageClassAsString()).isEqualTo("DEEP_ARCHIVE");
        assertError(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("archived-copy")), 403, "InvalidObjectState");
        assertError(() -> restore(bucket, "missing"), 404, "NoSuchKey");

        assertThat(restore(bucket, "frozen")).as("a restore starts").isEqualTo(202);
        assertError(() -> restore(bucket, "frozen"), 409, "RestoreAlreadyInProgress");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("frozen")).restore()).isEqualTo("ongoing-request=\"true\"");

        Eventually.within(PATIENCE, "completion of the restore",
                () -> String.valueOf(s3.headObject(b -> b.bucket(bucket).key("frozen")).restore())
                        .startsWith("ongoing-request=\"false\", expiry-date=\""));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("frozen")).asUtf8String()).isEqualTo(content);
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("frozen").destinationBucket(bucket).destinationKey("thawed")
                .storageClass(StorageClass.STANDARD));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("thawed")).asUtf8String()).as("a copy of the restored object")
                .isEqualTo(content);
        // naming no class, a copy is STANDARD as on S3 (not an archived copy without the restore)
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("frozen").destinationBucket(bucket).destinationKey("copied-out"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("copied-out")).storageClassAsString()).isIn(null, "STANDARD");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("copied-out")).asUtf8String()).isEqualTo(content);
        assertThat(restore(bucket, "frozen")).as("already restored: the expiry moves").isEqualTo(200);

        Eventually.within(PATIENCE, "expiry of the restored copy",
                () -> s3.headObject(b -> b.bucket(bucket).key("frozen")).restore() == null);
        assertError(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("frozen")), 403, "InvalidObjectState");
    }

    @Test
    void listingsAskedForRestoreStatusShowTheRestoreOfArchivedObjects() throws Exception {
        String bucket = MockS3Fixture.uniqueBucket("restore-status");
        s3.createBucket(b -> b.bucket(bucket));
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
        s3.putObject(b -> b.bucket(bucket).key("frozen").storageClass(StorageClass.GLACIER), RequestBody.fromString("f"));
        s3.putObject(b -> b.bucket(bucket).key("never-restored").storageClass(StorageClass.GLACIER), RequestBody.fromString("n"));
        s3.putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("p"));
        assertThat(restore(bucket, "frozen")).isEqualTo(202);

        assertThat(restoreStatuses(bucket)).containsExactly("frozen in progress", "never-restored -", "plain -");
        assertThat(versionRestoreStatuses(bucket)).containsExactly("frozen in progress", "never-restored -", "plain -");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).as("not asked for, not answered")
                .allSatisfy(o -> assertThat(o.restoreStatus()).isNull());

        Eventually.within(PATIENCE, "completion of the restore",
                () -> restoreStatuses(bucket).get(0).startsWith("frozen restored until "));
        String expiry = restoreStatuses(bucket).get(0).substring("frozen restored until ".length());
        assertThat(Instant.parse(expiry)).isAfter(Instant.now());
        assertThat(versionRestoreStatuses(bucket)).containsExactly("frozen restored until " + expiry, "never-restored -",
                "plain -");
    }

    private static List<String> restoreStatuses(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket).optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS))
                .contents().stream().map(o -> o.key() + " " + describe(o.restoreStatus())).toList();
    }

    private static List<String> versionRestoreStatuses(String bucket) {
        return s3.listObjectVersions(b -> b.bucket(bucket).optionalObjectAttributes(OptionalObjectAttributes.RESTORE_STATUS))
                .versions().stream().map(v -> v.key() + " " + describe(v.restoreStatus())).toList();
    }

    private static String describe(RestoreStatus status) {
        if (status == null) {
            return "-";
        }
        return status.isRestoreInProgress() ? "in progress" : "restored until " + status.restoreExpiryDate();
    }

    private static int restore(String bucket, String key) {
        return s3.restoreObject(b -> b.bucket(bucket).key(key)
                        .restoreRequest(r -> r.days(1).glacierJobParameters(g -> g.tier(Tier.STANDARD))))
                .sdkHttpResponse().statusCode();
    }

    private static void assertError(Executable call, int status, String code) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }
}
