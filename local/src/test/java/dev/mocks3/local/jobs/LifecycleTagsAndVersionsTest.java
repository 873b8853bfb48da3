package dev.mocks3.local.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * With a short lifecycle day ({@link LifecycleExpiryTest#DAY}): a rule filtered by a tag (alone or in an And) expires only
 * the objects carrying it, and expiry in a versioned bucket adds a delete marker and keeps the version.
 */
class LifecycleTagsAndVersionsTest {
    @Test
    void tagFiltersMatchObjectTagsAndVersionedExpiryLeavesADeleteMarker() throws Exception {
        try (SideRunner fast = LifecycleExpiryTest.fastLifecycle(); S3Client s3 = LifecycleExpiryTest.clientOf(fast)) {
            String tagged = MockS3Fixture.uniqueBucket("expiry-tags");
            s3.createBucket(b -> b.bucket(tagged));
            s3.putBucketLifecycleConfiguration(b -> b.bucket(tagged).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("by-tag").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.tag(Tag.builder().key("expire").value("yes").build())).expiration(e -> e.days(1)).build(),
                    LifecycleRule.builder().id("by-prefix-and-tag").status(ExpirationStatus.ENABLED)
                            .filter(f -> f.and(a -> a.prefix("logs/").tags(Tag.builder().key("kind").value("debug").build())))
                            .expiration(e -> e.days(1)).build())));
            s3.putObject(b -> b.bucket(tagged).key("a").tagging("expire=yes"), RequestBody.fromString("tagged"));
            s3.putObject(b -> b.bucket(tagged).key("b").tagging("expire=no"), RequestBody.fromString("other value"));
            s3.putObject(b -> b.bucket(tagged).key("logs/debug").tagging("kind=debug"), RequestBody.fromString("debug log"));
            s3.putObject(b -> b.bucket(tagged).key("keep/debug").tagging("kind=debug"), RequestBody.fromString("other prefix"));

            String versioned = MockS3Fixture.uniqueBucket("expiry-versions");
            s3.createBucket(b -> b.bucket(versioned));
            s3.putBucketVersioning(b -> b.bucket(versioned).versioningConfiguration(c -> c.status("Enabled")));
            s3.putBucketLifecycleConfiguration(b -> b.bucket(versioned).lifecycleConfiguration(c -> c.rules(
                    LifecycleRule.builder().id("all").status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""))
                            .expiration(e -> e.days(1)).build())));
            String version = s3.putObject(b -> b.bucket(versioned).key("v"), RequestBody.fromString("kept as a version")).versionId();

            Eventually.within(Duration.ofSeconds(30), "expiry of the tagged objects",
                    () -> !exists(s3, tagged, "a") && !exists(s3, tagged, "logs/debug"));
            Eventually.within(Duration.ofSeconds(30), "expiry in the versioned bucket", () -> !exists(s3, versioned, "v"));

            assertThat(exists(s3, tagged, "b")).as("a different tag value").isTrue();
            assertThat(exists(s3, tagged, "keep/debug")).as("the tag outside the And's prefix").isTrue();
            var versions = s3.listObjectVersions(b -> b.bucket(versioned));
            assertThat(versions.deleteMarkers()).singleElement().satisfies(m -> assertThat(m.isLatest()).isTrue());
            assertThat(s3.getObjectAsBytes(b -> b.bucket(versioned).key("v").versionId(version)).asUtf8String())
                    .isEqualTo("kept as a version");
        }
    }

    private static boolean exists(S3Client s3, String bucket, String key) {
        return LifecycleExpiryTest.exists(s3, bucket, key);
    }
}
