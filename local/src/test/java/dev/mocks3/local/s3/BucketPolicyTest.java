package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;

/** PutBucketPolicy / Get / Delete / GetBucketPolicyStatus through the SDK, and an explicit Deny for anonymous callers. */
class BucketPolicyTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp raw = new RawHttp(mocks3);

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
    void explicitDenyForAnonymousRefusesEvenInOpenModeButNotSignedCallers() {
        String bucket = mocks3.newBucket("policy-deny");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("private/a.txt"), RequestBody.fromString("a"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("public/b.txt"), RequestBody.fromString("b"));
        assertThat(raw.get("/" + bucket + "/private/a.txt").statusCode()).as("open mode serves anonymous reads").isEqualTo(200);

        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy(policy("Deny", "s3:Get*", "arn:aws:s3:::" + bucket + "/private/*")));

        HttpResponse<String> denied = raw.get("/" + bucket + "/private/a.txt");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(denied)).isEqualTo("AccessDenied");
        assertThat(raw.get("/" + bucket + "/public/b.txt").statusCode()).isEqualTo(200);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("private/a.txt")).asUtf8String()).isEqualTo("a");
    }

    @Test
    void denyOfInsecureTransportRefusesPlainHttpAnonymousReads() {
        String bucket = mocks3.newBucket("policy-tls");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("k"));
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::%s/*",
                  "Condition":{"Bool":{"aws:SecureTransport":false}}}]}""".formatted(bucket)));
        assertThat(raw.get("/" + bucket + "/k").statusCode()).isEqualTo(403);
        assertThat(raw.get("/" + bucket + "/k", "X-Forwarded-Proto", "https").statusCode())
                .as("a client cannot claim TLS with a header").isEqualTo(403);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
                .as("signed callers are not anonymous").isEqualTo("k");
    }
}
