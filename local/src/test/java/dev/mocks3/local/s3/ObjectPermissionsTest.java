package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/**
 * Strict mode, two accounts (A owns the buckets, B is another account): what an object request's
 * details need beyond its operation's own permission. A governance bypass needs
 * s3:BypassGovernanceRetention; ACL, tagging and lock headers on a write need the actions they imply;
 * the ACL of the version a request names decides for it; policies can test the object's tags.
 */
class ObjectPermissionsTest extends TwoAccounts {
    private static String bucketOfA(boolean objectLock) {
        String bucket = MockS3Fixture.uniqueBucket("objperm");
        a.createBucket(r -> r.bucket(bucket).objectLockEnabledForBucket(objectLock));
        return bucket;
    }

    /** A policy whose statements allow B the actions listed on the bucket's objects, and whatever {@code more} says. */
    private static void allowB(String bucket, String actions, String more) {
        a.putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":[%s],
                 "Resource":"arn:aws:s3:::%s/*"}%s]}""".formatted(accountB, actions, bucket, more)));
    }

    private static void denied(Runnable call) {
        assertError(call, 403, "AccessDenied");
    }

    private static Instant tomorrow() {
        return Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String governed(String bucket, String key) {
        return a.putObject(r -> r.bucket(bucket).key(key).objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(tomorrow()), RequestBody.fromString("kept")).versionId();
    }

    @Test
    void bypassingGovernanceRetentionNeedsBypassGovernanceRetentionForAnotherAccount() {
        String bucket = bucketOfA(true);
        String first = governed(bucket, "k");
        String second = governed(bucket, "k");
        allowB(bucket, "\"s3:DeleteObjectVersion\",\"s3:PutObjectRetention\",\"s3:GetObjectVersion\"", "");

        denied(() -> b.deleteObject(r -> r.bucket(bucket).key("k").versionId(first).bypassGovernanceRetention(true)));
        denied(() -> b.putObjectRetention(r -> r.bucket(bucket).key("k").versionId(first).bypassGovernanceRetention(true)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(tomorrow().minusSeconds(3600)))));
        assertThat(b.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(first)).asUtf8String()).isEqualTo("kept");

        allowB(bucket, "\"s3:DeleteObjectVersion\",\"s3:PutObjectRetention\",\"s3:BypassGovernanceRetention\"", "");
        b.putObjectRetention(r -> r.bucket(bucket).key("k").versionId(first).bypassGovernanceRetention(true)
                .retention(t -> t.mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(tomorrow().minusSeconds(3600))));
        b.deleteObject(r -> r.bucket(bucket).key("k").versionId(first).bypassGovernanceRetention(true));
        // the owner needs no statement for it
        a.deleteObject(r -> r.bucket(bucket).key("k").versionId(second).bypassGovernanceRetention(true));
        assertThat(a.listObjectVersions(r -> r.bucket(bucket)).versions()).isEmpty();
    }

    @Test
    void deleteObjectsDecidesTheGovernanceBypassForEachKeyItNames() {
        String bucket = bucketOfA(true);
        String free = governed(bucket, "free/k");
        String kept = governed(bucket, "kept/k");
        allowB(bucket, "\"s3:DeleteObjectVersion\"", """
                ,{"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":"s3:BypassGovernanceRetention",
                  "Resource":"arn:aws:s3:::%2$s/free/*"}""".formatted(accountB, bucket));

        var result = b.deleteObjects(r -> r.bucket(bucket).bypassGovernanceRetention(true).delete(d -> d.objects(
                o -> o.key("free/k").versionId(free), o -> o.key("kept/k").versionId(kept))));

        assertThat(result.deleted()).extracting(d -> d.key()).containsExactly("free/k");
        assertThat(result.errors()).extracting(e -> e.key() + " " + e.code()).containsExactly("kept/k AccessDenied");
        assertThat(a.listObjectVersions(r -> r.bucket(bucket)).versions()).extracting(v -> v.key())
                .containsExactly("kept/k");
    }

    @Test
    void deleteObjectsDeletesOnlyTheKeysAndVersionsThePolicyAllows() {
        String bucket = bucketOfA(false);
        a.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        for (String key : new String[] {"shared/a", "shared/b", "own/c"}) {
            a.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        String version = a.headObject(r -> r.bucket(bucket).key("shared/b")).versionId();
        a.putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"s3:DeleteObject",
                 "Resource":"arn:aws:s3:::%s/shared/*"}]}""".formatted(accountB, bucket)));

        var result = b.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(o -> o.key("shared/a"),
                o -> o.key("shared/b").versionId(version), o -> o.key("own/c"))));

        // s3:DeleteObject adds a delete marker; removing a version needs s3:DeleteObjectVersion
        assertThat(result.deleted()).extracting(d -> d.key()).containsExactly("shared/a");
        assertThat(result.errors()).extracting(e -> e.key() + " " + e.code())
                .containsExactly("shared/b AccessDenied", "own/c AccessDenied");
        assertThat(a.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactly("own/c", "shared/b");
    }

    @Test
    void copyingTheTagsOfATaggedSourceNeedsGetObjectTaggingOnItAndPutObjectTaggingOnTheCopy() {
        String bucket = bucketOfA(false);
        a.putObject(r -> r.bucket(bucket).key("tagged").tagging("team=blue"), RequestBody.fromString("tagged"));
        a.putObject(r -> r.bucket(bucket).key("plain"), RequestBody.fromString("plain"));
        allowB(bucket, "\"s3:PutObject\",\"s3:GetObject\"", "");

        denied(() -> b.copyObject(r -> r.sourceBucket(bucket).sourceKey("tagged").destinationBucket(bucket)
                .destinationKey("copy-default")));
        denied(() -> b.copyObject(r -> r.sourceBucket(bucket).sourceKey("tagged").destinationBucket(bucket)
                .destinationKey("copy-directive").taggingDirective("COPY")));
        b.copyObject(r -> r.sourceBucket(bucket).sourceKey("plain").destinationBucket(bucket).destinationKey("copy-plain"));
        b.copyObject(r -> r.sourceBucket(bucket).sourceKey("tagged").destinationBucket(bucket)
                .destinationKey("copy-untagged").taggingDirective("REPLACE"));
        allowB(bucket, "\"s3:PutObject\",\"s3:GetObject\",\"s3:GetObjectTagging\"", "");
        denied(() -> b.copyObject(r -> r.sourceBucket(bucket).sourceKey("tagged").destinationBucket(bucket)
                .destinationKey("copy-default")));
        assertThat(a.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactlyInAnyOrder("tagged", "plain", "copy-plain", "copy-untagged");

        allowB(bucket, "\"s3:PutObject\",\"s3:GetObject\",\"s3:GetObjectTagging\",\"s3:PutObjectTagging\"", "");
        b.copyObject(r -> r.sourceBucket(bucket).sourceKey("tagged").destinationBucket(bucket).destinationKey("copy-default"));
        assertThat(a.getObjectTagging(r -> r.bucket(bucket).key("copy-default")).tagSet())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("team=blue");
    }

    @Test
    void aclTaggingAndLockHeadersOnAWriteNeedTheActionsTheyImply() {
        String bucket = bucketOfA(true);
        a.putObject(r -> r.bucket(bucket).key("src"), RequestBody.fromString("source"));
        allowB(bucket, "\"s3:PutObject\",\"s3:GetObject\"", "");

        b.putObject(r -> r.bucket(bucket).key("plain"), RequestBody.fromString("plain"));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("t").tagging("team=blue"), RequestBody.fromString("t")));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("acl").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("acl")));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("grant").grantRead("id=\"" + canonicalB + "\""),
                RequestBody.fromString("grant")));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("ret").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(tomorrow()), RequestBody.fromString("ret")));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("hold").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF),
                RequestBody.fromString("hold")));
        denied(() -> b.createMultipartUpload(r -> r.bucket(bucket).key("mpu").tagging("team=blue")));
        denied(() -> b.copyObject(r -> r.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("copy").taggingDirective("REPLACE").tagging("team=blue")));
        assertThat(a.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactlyInAnyOrder("src", "plain");

        allowB(bucket, "\"s3:PutObject\",\"s3:GetObject\",\"s3:PutObjectTagging\",\"s3:PutObjectAcl\","
                + "\"s3:PutObjectRetention\",\"s3:PutObjectLegalHold\"", "");
        b.putObject(r -> r.bucket(bucket).key("t").tagging("team=blue"), RequestBody.fromString("t"));
        b.putObject(r -> r.bucket(bucket).key("acl").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("acl"));
        b.putObject(r -> r.bucket(bucket).key("hold").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.OFF),
                RequestBody.fromString("hold"));
        b.copyObject(r -> r.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("copy").taggingDirective("REPLACE").tagging("team=blue"));
        assertThat(a.getObjectTagging(r -> r.bucket(bucket).key("copy")).tagSet()).hasSize(1);
    }

    @Test
    void aDenyOfAnImpliedActionRefusesTheOwnersWriteThatImpliesIt() {
        String bucket = bucketOfA(false);
        a.putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObjectTagging",
                 "Resource":"arn:aws:s3:::%s/*"}]}""".formatted(bucket)));

        a.putObject(r -> r.bucket(bucket).key("plain"), RequestBody.fromString("plain"));
        denied(() -> a.putObject(r -> r.bucket(bucket).key("tagged").tagging("team=blue"), RequestBody.fromString("t")));
    }

    @Test
    void aRequestNamingAVersionNeedsTheVersionActionsOfIam() {
        String bucket = bucketOfA(false);
        a.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String first = a.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("first")).versionId();
        a.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("second"));
        allowB(bucket, "\"s3:GetObject\",\"s3:DeleteObject\",\"s3:GetObjectTagging\"", "");

        // s3:GetObject reads the current version only; a version id needs s3:GetObjectVersion, as on S3
        assertThat(b.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("second");
        denied(() -> b.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(first)));
        denied(() -> b.getObjectTagging(r -> r.bucket(bucket).key("k").versionId(first)));
        denied(() -> b.deleteObject(r -> r.bucket(bucket).key("k").versionId(first)));
        denied(() -> b.listObjectVersions(r -> r.bucket(bucket)));

        allowB(bucket, "\"s3:GetObjectVersion\",\"s3:DeleteObjectVersion\",\"s3:GetObjectVersionTagging\"",
                ",{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"%s\"},\"Action\":\"s3:ListBucketVersions\",\"Resource\":\"arn:aws:s3:::%s\"}"
                        .formatted(accountB, bucket));
        assertThat(b.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(first)).asUtf8String()).isEqualTo("first");
        assertThat(b.getObjectTagging(r -> r.bucket(bucket).key("k").versionId(first)).tagSet()).isEmpty();
        assertThat(b.listObjectVersions(r -> r.bucket(bucket)).versions()).hasSize(2);
        b.deleteObject(r -> r.bucket(bucket).key("k").versionId(first));
        assertThat(a.listObjectVersions(r -> r.bucket(bucket)).versions()).hasSize(1);
    }

    @Test
    void theAclOfTheVersionNamedDecidesForIt() {
        String bucket = bucketOfA(false);
        a.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String shared = a.putObject(r -> r.bucket(bucket).key("k").grantRead("id=\"" + canonicalB + "\""),
                RequestBody.fromString("shared")).versionId();
        String privately = a.putObject(r -> r.bucket(bucket).key("k"), RequestBody.fromString("private")).versionId();

        assertThat(b.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(shared)).asUtf8String()).isEqualTo("shared");
        b.headObject(r -> r.bucket(bucket).key("k").versionId(shared));
        denied(() -> b.getObjectAsBytes(r -> r.bucket(bucket).key("k")));
        denied(() -> b.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(privately)));

        // the ACL of one version is read and replaced by its version id, the others' stay
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("k").versionId(shared)).grants())
                .anySatisfy(g -> assertThat(g.grantee().id()).isEqualTo(canonicalB));
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("k")).grants())
                .noneSatisfy(g -> assertThat(g.grantee().id()).isEqualTo(canonicalB));
        a.putObjectAcl(r -> r.bucket(bucket).key("k").versionId(privately).grantRead("id=\"" + canonicalB + "\""));
        a.putObjectAcl(r -> r.bucket(bucket).key("k").versionId(shared).acl(ObjectCannedACL.PRIVATE));
        assertThat(b.getObjectAsBytes(r -> r.bucket(bucket).key("k")).asUtf8String()).isEqualTo("private");
        denied(() -> b.getObjectAsBytes(r -> r.bucket(bucket).key("k").versionId(shared)));
    }

    @Test
    void policyConditionsOnExistingAndRequestedObjectTags() {
        String bucket = bucketOfA(false);
        a.putObject(r -> r.bucket(bucket).key("public").tagging("classification=public"), RequestBody.fromString("p"));
        a.putObject(r -> r.bucket(bucket).key("secret").tagging("classification=secret"), RequestBody.fromString("s"));
        a.putObject(r -> r.bucket(bucket).key("untagged"), RequestBody.fromString("u"));
        a.putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":["s3:GetObject","s3:GetObjectTagging"],
                  "Resource":"arn:aws:s3:::%2$s/*","Condition":{"StringEquals":{"s3:ExistingObjectTag/classification":"public"}}},
                 {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":["s3:PutObject","s3:PutObjectTagging"],
                  "Resource":"arn:aws:s3:::%2$s/*","Condition":{"StringEquals":{"s3:RequestObjectTag/team":"blue"}}}]}"""
                .formatted(accountB, bucket)));

        assertThat(b.getObjectAsBytes(r -> r.bucket(bucket).key("public")).asUtf8String()).isEqualTo("p");
        assertThat(b.getObjectTagging(r -> r.bucket(bucket).key("public")).tagSet()).hasSize(1);
        denied(() -> b.getObjectAsBytes(r -> r.bucket(bucket).key("secret")));
        denied(() -> b.getObjectAsBytes(r -> r.bucket(bucket).key("untagged")));

        b.putObject(r -> r.bucket(bucket).key("blue").tagging("team=blue"), RequestBody.fromString("b"));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("red").tagging("team=red"), RequestBody.fromString("r")));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("none"), RequestBody.fromString("n")));
    }

    @Test
    void requestedTagKeysAreTestedAsASet() {
        String bucket = bucketOfA(false);
        a.putBucketPolicy(r -> r.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"%s"},
                 "Action":["s3:PutObject","s3:PutObjectTagging"],"Resource":"arn:aws:s3:::%s/*",
                 "Condition":{"ForAllValues:StringEquals":{"s3:RequestObjectTagKeys":["team","cost"]}}}]}"""
                .formatted(accountB, bucket)));

        b.putObject(r -> r.bucket(bucket).key("both").tagging("team=blue&cost=12"), RequestBody.fromString("b"));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("other").tagging("team=blue&owner=b"), RequestBody.fromString("o")));
        // as in IAM, ForAllValues holds for a request with no tag keys at all
        b.putObject(r -> r.bucket(bucket).key("untagged"), RequestBody.fromString("u"));
    }
}
