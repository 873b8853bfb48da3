package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.state.metadata.ObjectWriter;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Object Lock through the AWS SDK for Java v2: bucket configuration, retention, legal hold, and deletes they refuse. */
class ObjectLockTest {
    private static final String PROTECTED = "Access Denied because object protected by object lock.";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();
    private final RawHttp raw = new RawHttp(mocks3);

    @Test
    void aBucketCreatedWithObjectLockIsVersionedForGood() {
        String bucket = lockedBucket("lock-create");
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        ObjectLockConfiguration configuration = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
        assertThat(configuration.objectLockEnabled()).isEqualTo(ObjectLockEnabled.ENABLED);
        assertThat(configuration.rule()).isNull();

        S3Exception suspend = error(() -> s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED))));
        assertError(suspend, 409, "InvalidBucketState");
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    }

    @Test
    void anExistingBucketGetsObjectLockOnlyOnceVersioningIsEnabled() {
        String bucket = mocks3.newBucket("lock-later");
        assertError(error(() -> s3.getObjectLockConfiguration(b -> b.bucket(bucket))), 404,
                "ObjectLockConfigurationNotFoundError");
        S3Exception unversioned = error(() -> putDefaultRetention(bucket, ObjectLockRetentionMode.COMPLIANCE, 3));
        assertError(unversioned, 409, "InvalidBucketState");
        assertThat(unversioned.awsErrorDetails().errorMessage())
                .isEqualTo("Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration");
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));
        assertError(error(() -> putDefaultRetention(bucket, ObjectLockRetentionMode.COMPLIANCE, 3)), 409, "InvalidBucketState");

        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        putDefaultRetention(bucket, ObjectLockRetentionMode.COMPLIANCE, 3);
        var rule = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().rule().defaultRetention();
        assertThat(rule.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(rule.days()).isEqualTo(3);
        assertThat(rule.years()).isNull();
    }

    @Test
    void malformedLockConfigurationsAreRefusedAsS3RefusesThem() {
        String bucket = lockedBucket("lock-badconf");
        assertError(error(() -> s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1).years(1)))))),
                400, "MalformedXML");
        assertError(error(() -> putDefaultRetention(bucket, ObjectLockRetentionMode.GOVERNANCE, 0)), 400, "InvalidRetentionPeriod");
        assertError(error(() -> s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode("governance").days(1)))))), 400, "MalformedXML");
        assertError(error(() -> s3.putObjectLockConfiguration(b -> b.bucket(bucket)
                .objectLockConfiguration(c -> c.objectLockEnabled("Disabled")))), 400, "MalformedXML");
        HttpResponse<String> empty = raw.send("PUT", "/" + bucket + "?object-lock", null);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(empty)).isEqualTo("MissingRequestBodyError");
    }

    @Test
    void theDefaultRetentionLocksNewVersionsAgainstDeletesByVersionId() {
        String bucket = lockedBucket("lock-default");
        putDefaultRetention(bucket, ObjectLockRetentionMode.GOVERNANCE, 1);
        Instant before = Instant.now();
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept"));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("k"));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(head.objectLockRetainUntilDate()).isBetween(before.plus(Duration.ofDays(1)).minusSeconds(1),
                Instant.now().plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(head.objectLockLegalHoldStatus()).isNull();

        S3Exception refused = error(() -> s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(put.versionId())));
        assertError(refused, 403, "AccessDenied");
        assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo(PROTECTED);
        DeleteObjectResponse marker = s3.deleteObject(b -> b.bucket(bucket).key("k"));
        assertThat(marker.deleteMarker()).isTrue();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(put.versionId())).asUtf8String()).isEqualTo("kept");
        assertError(error(() -> s3.deleteBucket(b -> b.bucket(bucket))), 409, "BucketNotEmpty");

        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(put.versionId()).bypassGovernanceRetention(true));
        assertError(error(() -> s3.headObject(b -> b.bucket(bucket).key("k").versionId(put.versionId()))), 404, null);
    }

    @Test
    void lockHeadersOnAWriteSetTheVersionsRetentionAndLegalHold() {
        String bucket = lockedBucket("lock-headers");
        putDefaultRetention(bucket, ObjectLockRetentionMode.GOVERNANCE, 1);
        Instant until = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        s3.putObject(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(until)
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON), RequestBody.fromString("held"));

        var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).response();
        assertThat(got.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(got.objectLockRetainUntilDate()).isEqualTo(until);
        assertThat(got.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);

        // a legal hold alone keeps the bucket's default retention
        s3.putObject(b -> b.bucket(bucket).key("hold-only").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF),
                RequestBody.fromString("x"));
        HeadObjectResponse holdOnly = s3.headObject(b -> b.bucket(bucket).key("hold-only"));
        assertThat(holdOnly.objectLockMode()).isEqualTo(ObjectLockMode.GOVERNANCE);
        assertThat(holdOnly.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.OFF);
    }

    @Test
    void lockHeadersAreCheckedBeforeAnythingIsWritten() {
        String bucket = lockedBucket("lock-badhdr");
        Instant future = Instant.now().plus(Duration.ofDays(1));
        S3Exception modeOnly = error(() -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.GOVERNANCE),
                RequestBody.fromString("x")));
        assertError(modeOnly, 400, "InvalidArgument");
        assertThat(modeOnly.awsErrorDetails().errorMessage())
                .isEqualTo("x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied");
        assertError(error(() -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockRetainUntilDate(future),
                RequestBody.fromString("x"))), 400, "InvalidArgument");
        S3Exception past = error(() -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(Instant.now().minusSeconds(60)), RequestBody.fromString("x")));
        assertError(past, 400, "InvalidArgument");
        assertThat(past.awsErrorDetails().errorMessage()).isEqualTo("The retain until date must be in the future!");
        assertError(error(() -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockMode("SOMETIMES")
                .objectLockRetainUntilDate(future), RequestBody.fromString("x"))), 400, "InvalidArgument");
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions()).isEmpty();
    }

    @Test
    void aBucketWithoutObjectLockRefusesLockHeadersOnEveryWrite() {
        String bucket = mocks3.newBucket("lock-none");
        s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("x"));
        Instant future = Instant.now().plus(Duration.ofDays(1));
        List<Executable> writes = List.of(
                () -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
                        .objectLockRetainUntilDate(future), RequestBody.fromString("x")),
                () -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                        RequestBody.fromString("x")),
                () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("k")
                        .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)),
                () -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
                        .objectLockRetainUntilDate(future)));
        for (Executable write : writes) {
            S3Exception refused = error(write);
            assertError(refused, 400, "InvalidRequest");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Bucket is missing ObjectLockConfiguration");
        }
        List<Executable> lockRequests = List.of(
                () -> s3.putObjectRetention(b -> b.bucket(bucket).key("src")
                        .retention(r -> r.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(future))),
                () -> s3.getObjectRetention(b -> b.bucket(bucket).key("src")),
                () -> s3.putObjectLegalHold(b -> b.bucket(bucket).key("src").legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON))),
                () -> s3.getObjectLegalHold(b -> b.bucket(bucket).key("src")));
        for (Executable request : lockRequests) {
            S3Exception refused = error(request);
            assertError(refused, 400, "InvalidRequest");
            assertThat(refused.awsErrorDetails().errorMessage()).isEqualTo("Bucket is missing Object Lock Configuration");
        }
        assertThat(s3.headObject(b -> b.bucket(bucket).key("src")).objectLockMode()).isNull();
    }

    @Test
    void aPutWithLockParametersNeedsContentMd5OrAChecksum() {
        String bucket = lockedBucket("lock-md5");
        HttpResponse<String> bare = raw.send("PUT", "/" + bucket + "/k", "held", "x-amz-object-lock-legal-hold", "ON");
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(bare)).isEqualTo("InvalidRequest");
        assertThat(bare.body()).contains("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests "
                + "with Object Lock parameters");
        HttpResponse<String> withMd5 = raw.send("PUT", "/" + bucket + "/k", "held", "x-amz-object-lock-legal-hold", "ON",
                "Content-MD5", "DrKfXWFJ6EdQvNb250GnoQ==");
        assertThat(withMd5.statusCode()).isEqualTo(200);
        // without lock parameters and without a default retention, nothing is required
        assertThat(raw.send("PUT", "/" + bucket + "/plain", "x").statusCode()).isEqualTo(200);
        putDefaultRetention(bucket, ObjectLockRetentionMode.GOVERNANCE, 1);
        assertThat(raw.send("PUT", "/" + bucket + "/plain", "x").statusCode()).isEqualTo(400);
    }

    @Test
    void complianceRetentionCanOnlyBeExtendedAndNoBypassRemovesTheVersion() {
        String bucket = lockedBucket("lock-compliance");
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        String version = put.versionId();
        assertError(error(() -> s3.getObjectRetention(b -> b.bucket(bucket).key("k").versionId(version))), 404,
                "NoSuchObjectLockConfiguration");
        Instant until = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        retain(bucket, version, ObjectLockRetentionMode.COMPLIANCE, until, false);
        var retention = s3.getObjectRetention(b -> b.bucket(bucket).key("k").versionId(version)).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
        assertThat(retention.retainUntilDate()).isEqualTo(until);

        assertError(error(() -> retain(bucket, version, ObjectLockRetentionMode.COMPLIANCE, until.minusSeconds(3600), true)),
                403, "AccessDenied");
        assertError(error(() -> retain(bucket, version, ObjectLockRetentionMode.GOVERNANCE, until.plusSeconds(3600), true)),
                403, "AccessDenied");
        retain(bucket, version, ObjectLockRetentionMode.COMPLIANCE, until.plusSeconds(3600), false);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).objectLockRetainUntilDate()).isEqualTo(until.plusSeconds(3600));

        assertError(error(() -> s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(version)
                .bypassGovernanceRetention(true))), 403, "AccessDenied");
    }

    @Test
    void governanceRetentionIsShortenedOrRemovedOnlyWithTheBypass() {
        String bucket = lockedBucket("lock-governance");
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        String version = put.versionId();
        Instant until = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.MILLIS);
        retain(bucket, version, ObjectLockRetentionMode.GOVERNANCE, until, false);

        assertError(error(() -> retain(bucket, version, ObjectLockRetentionMode.GOVERNANCE, until.minusSeconds(60), false)),
                403, "AccessDenied");
        retain(bucket, version, ObjectLockRetentionMode.GOVERNANCE, until.minusSeconds(60), true);
        assertThat(s3.getObjectRetention(b -> b.bucket(bucket).key("k")).retention().retainUntilDate())
                .isEqualTo(until.minusSeconds(60));
        assertError(error(() -> s3.putObjectRetention(b -> b.bucket(bucket).key("k").retention(r -> { }))), 403, "AccessDenied");
        s3.putObjectRetention(b -> b.bucket(bucket).key("k").retention(r -> { }).bypassGovernanceRetention(true));
        assertError(error(() -> s3.getObjectRetention(b -> b.bucket(bucket).key("k"))), 404, "NoSuchObjectLockConfiguration");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).objectLockMode()).isNull();

        assertError(error(() -> retain(bucket, version, ObjectLockRetentionMode.GOVERNANCE, Instant.now().minusSeconds(5),
                false)), 400, "InvalidArgument");
        assertError(error(() -> s3.putObjectRetention(b -> b.bucket(bucket).key("k")
                .retention(r -> r.mode("governance").retainUntilDate(until)))), 400, "MalformedXML");
        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(version));
    }

    @Test
    void aLegalHoldRefusesDeletesEvenWithTheBypassUntilItIsOff() {
        String bucket = lockedBucket("lock-hold");
        PutObjectResponse first = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first"));
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("second"));
        assertError(error(() -> s3.getObjectLegalHold(b -> b.bucket(bucket).key("k"))), 404, "NoSuchObjectLockConfiguration");

        s3.putObjectLegalHold(b -> b.bucket(bucket).key("k").versionId(first.versionId())
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
        assertThat(s3.getObjectLegalHold(b -> b.bucket(bucket).key("k").versionId(first.versionId())).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k").versionId(first.versionId())).objectLockLegalHoldStatus())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).objectLockLegalHoldStatus()).isNull();
        assertError(error(() -> s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(first.versionId())
                .bypassGovernanceRetention(true))), 403, "AccessDenied");
        HttpResponse<String> badStatus = raw.send("PUT", "/" + bucket + "/k?legal-hold", "<LegalHold><Status>MAYBE</Status></LegalHold>");
        assertThat(RawHttp.errorCode(badStatus)).isEqualTo("MalformedXML");

        s3.putObjectLegalHold(b -> b.bucket(bucket).key("k").versionId(first.versionId())
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        assertThat(s3.getObjectLegalHold(b -> b.bucket(bucket).key("k").versionId(first.versionId())).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.OFF);
        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(first.versionId()));
        assertError(error(() -> s3.putObjectLegalHold(b -> b.bucket(bucket).key("k").versionId(first.versionId())
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)))), 404, "NoSuchVersion");
        assertError(error(() -> s3.getObjectLegalHold(b -> b.bucket(bucket).key("absent"))), 404, "NoSuchKey");
    }

    @Test
    void deleteObjectsReportsEachLockedVersionAsAccessDenied() {
        String bucket = lockedBucket("lock-multi");
        putDefaultRetention(bucket, ObjectLockRetentionMode.GOVERNANCE, 1);
        PutObjectResponse a = s3.putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("a"));
        PutObjectResponse c = s3.putObject(b -> b.bucket(bucket).key("c"), RequestBody.fromString("c"));
        List<ObjectIdentifier> versions = List.of(ObjectIdentifier.builder().key("a").versionId(a.versionId()).build(),
                ObjectIdentifier.builder().key("c").versionId(c.versionId()).build());

        DeleteObjectsResponse refused = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(versions)));
        assertThat(refused.deleted()).isEmpty();
        assertThat(refused.errors()).extracting(e -> e.key() + " " + e.code() + " " + e.message())
                .containsExactly("a AccessDenied " + PROTECTED, "c AccessDenied " + PROTECTED);
        DeleteObjectsResponse markers = s3.deleteObjects(b -> b.bucket(bucket)
                .delete(d -> d.objects(ObjectIdentifier.builder().key("a").build())));
        assertThat(markers.deleted()).singleElement().satisfies(d -> assertThat(d.deleteMarker()).isTrue());

        DeleteObjectsResponse bypassed = s3.deleteObjects(b -> b.bucket(bucket).bypassGovernanceRetention(true)
                .delete(d -> d.objects(versions)));
        assertThat(bypassed.errors()).isEmpty();
        assertThat(bypassed.deleted()).extracting(d -> d.key()).containsExactly("a", "c");
    }

    @Test
    void multipartUploadsAndCopiesTakeTheLockOfTheirOwnRequest() {
        String bucket = lockedBucket("lock-mpu");
        Instant until = Instant.now().plus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(until)).uploadId();
        HttpResponse<String> bare = raw.send("PUT", "/" + bucket + "/big?partNumber=1&uploadId=" + uploadId, "part");
        assertThat(bare.statusCode()).isEqualTo(400);
        assertThat(bare.body()).contains("Content-MD5 OR x-amz-checksum- HTTP header is required for Put Part requests");
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part")).eTag();
        String version = s3.completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag)))).versionId();
        assertThat(s3.headObject(b -> b.bucket(bucket).key("big")).objectLockRetainUntilDate()).isEqualTo(until);
        assertError(error(() -> s3.deleteObject(b -> b.bucket(bucket).key("big").versionId(version))), 403, "AccessDenied");

        // a copy does not inherit the source's lock; it gets the lock its request names
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("big").destinationBucket(bucket).destinationKey("plain-copy"));
        HeadObjectResponse plainCopy = s3.headObject(b -> b.bucket(bucket).key("plain-copy"));
        assertThat(plainCopy.objectLockMode()).isNull();
        assertThat(plainCopy.objectLockRetainUntilDate()).isNull();
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("big").destinationBucket(bucket).destinationKey("held-copy")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON));
        HeadObjectResponse heldCopy = s3.headObject(b -> b.bucket(bucket).key("held-copy"));
        assertThat(heldCopy.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(heldCopy.objectLockMode()).isNull();
    }

    @Test
    void lifecycleExpiryOfALockedObjectOnlyAddsADeleteMarker() {
        String bucket = lockedBucket("lock-expiry");
        putDefaultRetention(bucket, ObjectLockRetentionMode.COMPLIANCE, 1);
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept"));

        // what the lifecycle job does to an object whose expiration came
        assertThat(mocks3.bean(ObjectWriter.class).deleteIfModifiedBy(bucket, "k", Instant.now()).block()).isTrue();

        var versions = s3.listObjectVersions(b -> b.bucket(bucket));
        assertThat(versions.deleteMarkers()).hasSize(1);
        assertThat(versions.versions()).singleElement().satisfies(v -> assertThat(v.versionId()).isEqualTo(put.versionId()));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(put.versionId())).asUtf8String())
                .isEqualTo("kept");
    }

    @Test
    void aCreateBucketWithObjectLockThatFailsMidwayLeavesNoBucket() {
        String bucket = MockS3Fixture.uniqueBucket("lock-atomic");
        DatabaseClient db = mocks3.bean(DatabaseClient.class);
        String trigger = "fail_versioning_" + bucket.replace('-', '_');
        // the database refuses the step that turns versioning on, for this bucket only
        db.sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "raise exception 'versioning refused for the test'; end $$").then().block();
        db.sql("create trigger " + trigger + " before update of versioning on buckets for each row "
                + "when (new.name = '" + bucket + "') execute function " + trigger + "()").then().block();
        try {
            S3Client once = mocks3.client(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY);
            S3Exception failed = error(() -> once.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true)));
            assertThat(failed.statusCode()).as("the database's refusal").isGreaterThanOrEqualTo(500);
        } finally {
            db.sql("drop trigger " + trigger + " on buckets").then().block();
            db.sql("drop function " + trigger + "()").then().block();
        }
        assertError(error(() -> s3.headBucket(b -> b.bucket(bucket))), 404, null);
        assertThat(db.sql("select count(*) from bucket_configurations where bucket = $1").bind(0, bucket)
                .map(row -> row.get(0, Long.class)).one().block()).as("no Object Lock setting left behind").isZero();

        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        assertThat(s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().objectLockEnabled())
                .isEqualTo(ObjectLockEnabled.ENABLED);
    }

    private String lockedBucket(String purpose) {
        String name = MockS3Fixture.uniqueBucket(purpose);
        s3.createBucket(b -> b.bucket(name).objectLockEnabledForBucket(true));
        return name;
    }

    private void putDefaultRetention(String bucket, ObjectLockRetentionMode mode, int days) {
        s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED).rule(r -> r.defaultRetention(d -> d.mode(mode).days(days)))));
    }

    private void retain(String bucket, String version, ObjectLockRetentionMode mode, Instant until, boolean bypass) {
        s3.putObjectRetention(b -> b.bucket(bucket).key("k").versionId(version).bypassGovernanceRetention(bypass)
                .retention(r -> r.mode(mode).retainUntilDate(until)));
    }

    private static S3Exception error(Executable call) {
        return catchThrowableOfType(S3Exception.class, call::execute);
    }

    private static void assertError(S3Exception error, int status, String code) {
        assertThat(error).as("an S3 error").isNotNull();
        assertThat(error.statusCode()).isEqualTo(status);
        if (code != null) {
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        }
    }
}
