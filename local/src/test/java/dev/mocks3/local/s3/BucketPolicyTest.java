package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.auth.AccountId;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * PutBucketPolicy / Get / Delete / GetBucketPolicyStatus through the SDK, and explicit Deny statements in open mode,
 * where they refuse anonymous callers, the owner and other keys alike (strict mode: {@code CrossAccountAccessTest}).
 */
class BucketPolicyTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp raw = new RawHttp(mocks3);
    private final S3Client other = mocks3.client(MockS3Fixture.OTHER_KEY, MockS3Fixture.OTHER_SECRET);

    static String policy(String effect, String action, String resource) {
        return """
                {"Version":"2012-10-17","Statement":[{"Sid":"s1","Effect":"%s","Principal":"*","Action":"%s","Resource":"%s"}]}"""
                .formatted(effect, action, resource);
    }

    @Test
    void policyRoundTripsAsSentAndDeleteLeavesNoSuchBucketPolicy() {
        String bucket = mocks3.newBucket("policy");
        String document = policy("Allow", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*");
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy(document));
        assertThat(mocks3.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).isEqualTo(document);
        assertThat(mocks3.s3().getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic()).isTrue();

        mocks3.s3().deleteBucketPolicy(b -> b.bucket(bucket));
        assertError(() -> mocks3.s3().getBucketPolicy(b -> b.bucket(bucket)), 404, "NoSuchBucketPolicy");
        assertError(() -> mocks3.s3().getBucketPolicyStatus(b -> b.bucket(bucket)), 404, "NoSuchBucketPolicy");
    }

    @Test
    void policyNamingOnlyAnAccountIsNotPublic() {
        String bucket = mocks3.newBucket("policy-private");
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},
                 "Action":["s3:GetObject","s3:PutObject"],"Resource":"arn:aws:s3:::%s/*"}}""".formatted(bucket)));
        assertThat(mocks3.s3().getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic()).isFalse();
    }

    @Test
    void malformedPoliciesAreRefused() {
        String bucket = mocks3.newBucket("policy-bad");
        assertError(() -> mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("not json")), 400, "MalformedPolicy");
        assertError(() -> mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\":\"2012-10-17\"}")), 400,
                "MalformedPolicy");
        assertError(() -> mocks3.s3().putBucketPolicy(b -> b.bucket(bucket)
                .policy(policy("Allow", "s3:GetObject", "arn:aws:s3:::some-other-bucket/*"))), 400, "MalformedPolicy");
        assertError(() -> mocks3.s3().putBucketPolicy(b -> b.bucket(bucket)
                .policy(policy("Maybe", "s3:GetObject", "arn:aws:s3:::" + bucket + "/*"))), 400, "MalformedPolicy");
        assertError(() -> mocks3.s3().getBucketPolicy(b -> b.bucket(bucket)), 404, "NoSuchBucketPolicy");
    }

    @Test
    void explicitDenyToEveryoneRefusesEvenInOpenModeTheOwnerIncluded() {
        String bucket = mocks3.newBucket("policy-deny");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("private/a.txt"), RequestBody.fromString("a"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("public/b.txt"), RequestBody.fromString("b"));
        assertThat(raw.get("/" + bucket + "/private/a.txt").statusCode()).as("open mode serves anonymous reads").isEqualTo(200);

        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy(policy("Deny", "s3:Get*", "arn:aws:s3:::" + bucket + "/private/*")));

        HttpResponse<String> denied = raw.get("/" + bucket + "/private/a.txt");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(denied)).isEqualTo("AccessDenied");
        assertThat(raw.get("/" + bucket + "/public/b.txt").statusCode()).isEqualTo(200);
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("private/a.txt")), 403, "AccessDenied");
        assertError(() -> other.getObjectAsBytes(b -> b.bucket(bucket).key("private/a.txt")), 403, "AccessDenied");
        assertThat(other.getObjectAsBytes(b -> b.bucket(bucket).key("public/b.txt")).asUtf8String())
                .as("open mode: another key reads what no statement denies it").isEqualTo("b");
    }

    @Test
    void deleteObjectsRefusesOnlyTheKeysAPolicyDenies() {
        String bucket = mocks3.newBucket("policy-delete");
        for (String key : new String[] {"private/a.txt", "public/b.txt", "c.txt"}) {
            mocks3.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(key));
        }
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket)
                .policy(policy("Deny", "s3:DeleteObject", "arn:aws:s3:::" + bucket + "/private/*")));

        var result = mocks3.s3().deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                o -> o.key("private/a.txt"), o -> o.key("public/b.txt"), o -> o.key("c.txt"))));

        assertThat(result.deleted()).extracting(d -> d.key()).containsExactlyInAnyOrder("public/b.txt", "c.txt");
        assertThat(result.errors()).extracting(e -> e.key() + " " + e.code()).containsExactly("private/a.txt AccessDenied");
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactly("private/a.txt");
    }

    @Test
    void aCopyTakingTheTagsOfATaggedSourceIsRefusedWhenGetObjectTaggingIsDenied() {
        String bucket = mocks3.newBucket("policy-copytags");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("tagged").tagging("team=blue"), RequestBody.fromString("t"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("p"));
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket)
                .policy(policy("Deny", "s3:GetObjectTagging", "arn:aws:s3:::" + bucket + "/*")));

        assertError(() -> mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("tagged")
                .destinationBucket(bucket).destinationKey("copy")), 403, "AccessDenied");
        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("tagged").destinationBucket(bucket)
                .destinationKey("replaced").taggingDirective("REPLACE"));
        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("plain").destinationBucket(bucket).destinationKey("copy"));
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactlyInAnyOrder("tagged", "plain", "replaced", "copy");
    }

    @Test
    void denyNamingAnotherAccountRefusesOnlyThatKey() {
        String bucket = mocks3.newBucket("policy-deny-other");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("k"));
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[{"Effect":"Deny","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"s3:*",
                  "Resource":["arn:aws:s3:::%2$s","arn:aws:s3:::%2$s/*"]}]}""".formatted(AccountId.of(MockS3Fixture.OTHER_KEY), bucket)));

        assertError(() -> other.getObjectAsBytes(b -> b.bucket(bucket).key("k")), 403, "AccessDenied");
        assertError(() -> other.listObjectsV2(b -> b.bucket(bucket)), 403, "AccessDenied");
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("k");
        assertThat(raw.get("/" + bucket + "/k").statusCode()).as("anonymous callers are no account").isEqualTo(200);
    }

    @Test
    void aPolicyNamingARoleIsAcceptedAndNamesNoKey() {
        String bucket = mocks3.newBucket("policy-role");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("k"));
        // what Terraform and CDK write: roles and assumed-role sessions are valid principals
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[{"Effect":"Deny","Principal":{"AWS":["arn:aws:iam::111122223333:role/deployer",
                  "arn:aws:sts::111122223333:assumed-role/deployer/session"]},"Action":"s3:*",
                  "Resource":["arn:aws:s3:::%1$s","arn:aws:s3:::%1$s/*"]}]}""".formatted(bucket)));

        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("k");
        assertThat(other.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("k");
    }

    @Test
    void anOwnerDeniedEverythingCanStillReadAndDeleteThePolicy() {
        String bucket = mocks3.newBucket("policy-lockout");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("k"));
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy(policy("Deny", "s3:*", "arn:aws:s3:::" + bucket + "*")));
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")), 403, "AccessDenied");
        assertError(() -> other.getBucketPolicy(b -> b.bucket(bucket)), 403, "AccessDenied");

        assertThat(mocks3.s3().getBucketPolicy(b -> b.bucket(bucket)).policy()).contains("Deny");
        mocks3.s3().deleteBucketPolicy(b -> b.bucket(bucket));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("k");
    }

    @Test
    void denyOfInsecureTransportRefusesPlainHttpReads() {
        String bucket = mocks3.newBucket("policy-tls");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("k"));
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::%s/*",
                  "Condition":{"Bool":{"aws:SecureTransport":false}}}]}""".formatted(bucket)));
        assertThat(raw.get("/" + bucket + "/k").statusCode()).isEqualTo(403);
        assertThat(raw.get("/" + bucket + "/k", "X-Forwarded-Proto", "https").statusCode())
                .as("a client cannot claim TLS with a header").isEqualTo(403);
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")), 403, "AccessDenied");
    }

    @Test
    void encryptionConditionKeysDecideWrites() {
        String bucket = mocks3.newBucket("policy-sse");
        String kmsKey = "arn:aws:kms:us-east-1:111122223333:key/required";
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::%1$s/ssec/*",
                  "Condition":{"Null":{"s3:x-amz-server-side-encryption-customer-algorithm":"true"}}},
                 {"Effect":"Deny","Principal":"*","Action":"s3:PutObject","Resource":"arn:aws:s3:::%1$s/kms/*",
                  "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"%2$s"}}}]}"""
                .formatted(bucket, kmsKey)));
        ObjectEncryptionTest.CustomerKey key = ObjectEncryptionTest.CustomerKey.random();

        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("ssec/a"), RequestBody.fromString("a")), 403, "AccessDenied");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("ssec/a").sseCustomerAlgorithm("AES256").sseCustomerKey(key.base64())
                .sseCustomerKeyMD5(key.md5()), RequestBody.fromString("a"));
        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("kms/a").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("arn:aws:kms:us-east-1:111122223333:key/other"), RequestBody.fromString("a")), 403, "AccessDenied");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("kms/a").serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKey),
                RequestBody.fromString("a"));
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key())
                .containsExactly("kms/a", "ssec/a");
    }
}
