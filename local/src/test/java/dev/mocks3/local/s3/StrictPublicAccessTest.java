package dev.mocks3.local.s3;

import static dev.mocks3.local.StrictMockS3.KEY_A;
import static dev.mocks3.local.StrictMockS3.SECRET_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.StrictMockS3;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;

/**
 * Strict mode refuses unsigned requests unless the bucket makes them public: a bucket policy that
 * allows everyone (with wildcards in Action and Resource), or a public-read ACL, within what the
 * bucket's public access block lets count.
 */
class StrictPublicAccessTest {
    private static StrictMockS3 mocks3;
    private static S3Client owner;

    @BeforeAll
    static void start() {
        mocks3 = new StrictMockS3();
        owner = mocks3.client(KEY_A, SECRET_A);
    }

    @AfterAll
    static void stop() {
        mocks3.close();
    }

    private static String bucketWith(String... keys) {
        String bucket = MockS3Fixture.uniqueBucket("public");
        owner.createBucket(b -> b.bucket(bucket));
        for (String key : keys) {
            owner.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
        }
        return bucket;
    }

    private static HttpResponse<String> anonymous(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(mocks3.s3(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return mocks3.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an anonymous writer owns is a known owner: a canned ACL naming it is not an "Invalid id". */
    @Test
    void theBucketOwnerSetsACannedAclOnAnObjectAnAnonymousCallerWrote() {
        String bucket = bucketWith();
        owner.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        assertThat(anonymous("PUT", "/" + bucket + "/anon.txt", "written anonymously").statusCode()).isEqualTo(200);

        owner.putObjectAcl(b -> b.bucket(bucket).key("anon.txt").acl(ObjectCannedACL.PRIVATE));
        assertThat(owner.getObjectAcl(b -> b.bucket(bucket).key("anon.txt")).grants()).hasSize(1);
    }

    @Test
    void policyAllowingEveryoneToGetAPrefixServesAnonymousReadsThereOnly() {
        String bucket = bucketWith("public/a.txt", "private/b.txt");
        assertThat(anonymous("GET", "/" + bucket + "/public/a.txt", null).statusCode()).isEqualTo(403);

        owner.putBucketPolicy(b -> b.bucket(bucket).policy(BucketPolicyTest.policy("Allow", "s3:Get*",
                "arn:aws:s3:::" + bucket + "/public/*")));

        HttpResponse<String> served = anonymous("GET", "/" + bucket + "/public/a.txt", null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("content of public/a.txt");
        assertThat(anonymous("HEAD", "/" + bucket + "/public/a.txt", null).statusCode()).isEqualTo(200);
        assertThat(anonymous("GET", "/" + bucket + "/private/b.txt", null).statusCode()).isEqualTo(403);
        assertThat(anonymous("GET", "/" + bucket, null).statusCode()).as("listing was not allowed").isEqualTo(403);
        assertThat(anonymous("PUT", "/" + bucket + "/public/new.txt", "x").statusCode()).isEqualTo(403);
    }

    @Test
    void policyAllowingListBucketServesAnonymousListings() {
        String bucket = bucketWith("k");
        owner.putBucketPolicy(b -> b.bucket(bucket).policy(BucketPolicyTest.policy("Allow", "s3:ListBucket", "arn:aws:s3:::" + bucket)));
        HttpResponse<String> listing = anonymous("GET", "/" + bucket + "?list-type=2", null);
        assertThat(listing.statusCode()).isEqualTo(200);
        assertThat(listing.body()).contains("<Key>k</Key>");
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(403);
    }

    @Test
    void restrictPublicBucketsTurnsAPublicPolicyOff() {
        String bucket = bucketWith("k");
        owner.putBucketPolicy(b -> b.bucket(bucket).policy(BucketPolicyTest.policy("Allow", "s3:*", "arn:aws:s3:::" + bucket + "/*")));
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(200);
        owner.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(403);
    }

    @Test
    void publicReadObjectAclServesAnonymousReadsUntilPublicAclsAreIgnored() {
        String bucket = bucketWith("private.txt");
        owner.putObject(b -> b.bucket(bucket).key("shared.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("shared"));

        assertThat(anonymous("GET", "/" + bucket + "/shared.txt", null).body()).isEqualTo("shared");
        assertThat(anonymous("GET", "/" + bucket + "/private.txt", null).statusCode()).isEqualTo(403);
        assertThat(anonymous("DELETE", "/" + bucket + "/shared.txt", null).statusCode()).isEqualTo(403);

        owner.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        assertThat(anonymous("GET", "/" + bucket + "/shared.txt", null).statusCode()).isEqualTo(403);
    }

    @Test
    void publicReadBucketAclServesAnonymousListingsButNotObjects() {
        String bucket = bucketWith("k");
        owner.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        assertThat(anonymous("GET", "/" + bucket, null).statusCode()).isEqualTo(200);
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aMissingKeyIsNoSuchKeyForACallerWhoMayListTheBucketAndAccessDeniedForOthers() {
        String bucket = bucketWith("k");
        assertThat(anonymous("GET", "/" + bucket + "/missing", null).statusCode()).isEqualTo(403);

        owner.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        HttpResponse<String> missing = anonymous("GET", "/" + bucket + "/missing", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<Code>NoSuchKey</Code>");
        assertThat(anonymous("HEAD", "/" + bucket + "/missing", null).statusCode()).isEqualTo(404);
        // an object that is there stays unreadable without READ on it
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(403);

        owner.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        assertThat(anonymous("GET", "/" + bucket + "/missing", null).statusCode()).isEqualTo(403);

        String listed = bucketWith("k");
        owner.putBucketPolicy(b -> b.bucket(listed).policy(BucketPolicyTest.policy("Allow", "s3:ListBucket", "arn:aws:s3:::" + listed)));
        assertThat(anonymous("HEAD", "/" + listed + "/missing", null).statusCode()).isEqualTo(404);
        assertThat(anonymous("GET", "/" + listed + "/k", null).statusCode()).isEqualTo(403);
    }

    @Test
    void aCallerWhoMayReadObjectsButNotListTheBucketIsRefusedAMissingKey() {
        String bucket = bucketWith("k");
        owner.putBucketPolicy(b -> b.bucket(bucket).policy(BucketPolicyTest.policy("Allow", "s3:GetObject",
                "arn:aws:s3:::" + bucket + "/*")));
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(200);
        HttpResponse<String> missing = anonymous("GET", "/" + bucket + "/missing", null);
        assertThat(missing.statusCode()).as("s3:GetObject alone does not tell which keys exist").isEqualTo(403);
        assertThat(missing.body()).contains("<Code>AccessDenied</Code>");
        assertThat(anonymous("HEAD", "/" + bucket + "/missing", null).statusCode()).isEqualTo(403);
        assertThat(owner.headObject(b -> b.bucket(bucket).key("k")).contentLength()).isPositive();

        owner.putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%1$s/*"},
                 {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::%1$s"}]}"""
                .formatted(bucket)));
        HttpResponse<String> listed = anonymous("GET", "/" + bucket + "/missing", null);
        assertThat(listed.statusCode()).as("with s3:ListBucket too").isEqualTo(404);
        assertThat(listed.body()).contains("<Code>NoSuchKey</Code>");
    }

    @Test
    void anonymousCallersAreToldOfAMissingBucketAndOfAMissingKeyInABucketTheyMayList() {
        String gone = MockS3Fixture.uniqueBucket("gone");
        HttpResponse<String> noBucket = anonymous("DELETE", "/" + gone + "/k", null);
        assertThat(noBucket.statusCode()).isEqualTo(404);
        assertThat(noBucket.body()).contains("<Code>NoSuchBucket</Code>");

        String listable = bucketWith();
        owner.putBucketAcl(b -> b.bucket(listable).acl(BucketCannedACL.PUBLIC_READ));
        HttpResponse<String> noKey = anonymous("GET", "/" + listable + "/missing", null);
        assertThat(noKey.statusCode()).isEqualTo(404);
        assertThat(noKey.body()).contains("<Code>NoSuchKey</Code>");

        String unlisted = bucketWith();
        assertThat(anonymous("GET", "/" + unlisted + "/missing", null).statusCode())
                .as("who may not list the bucket cannot tell a missing key from a private one").isEqualTo(403);
    }

    @Test
    void denyStatementWinsOverAnAllow() {
        String bucket = bucketWith("k");
        owner.putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[
                 {"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"s3:GetObject","Resource":"arn:aws:s3:::%1$s/*"},
                 {"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%1$s/k"}]}"""
                .formatted(bucket)));
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).isEqualTo(403);
    }

    @Test
    void conditionsOnPrefixAndSourceIpDecideWhetherAStatementApplies() {
        String bucket = bucketWith("public/a.txt", "k");
        owner.putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Statement":[
                 {"Effect":"Allow","Principal":"*","Action":"s3:ListBucket","Resource":"arn:aws:s3:::%1$s",
                  "Condition":{"StringLike":{"s3:prefix":"public/*"}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%1$s/public/*",
                  "Condition":{"IpAddress":{"aws:SourceIp":["127.0.0.0/8","::1/128"]}}},
                 {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%1$s/k",
                  "Condition":{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}}]}""".formatted(bucket)));

        assertThat(anonymous("GET", "/" + bucket + "?prefix=public/", null).statusCode()).isEqualTo(200);
        assertThat(anonymous("GET", "/" + bucket + "?prefix=", null).statusCode()).isEqualTo(403);
        assertThat(anonymous("GET", "/" + bucket, null).statusCode()).as("no prefix: the condition fails").isEqualTo(403);
        assertThat(anonymous("GET", "/" + bucket + "/public/a.txt", null).statusCode()).isEqualTo(200);
        assertThat(anonymous("GET", "/" + bucket + "/k", null).statusCode()).as("not from 10.0.0.0/8").isEqualTo(403);
    }

    @Test
    void anonymousRequestsToADeletedBucketAnswerNoSuchBucket() {
        String bucket = bucketWith();
        owner.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        owner.deleteBucket(b -> b.bucket(bucket));

        for (String[] request : new String[][] {{"GET", "/" + bucket + "/foo"}, {"DELETE", "/" + bucket + "/foo"},
                {"GET", "/" + bucket}, {"PUT", "/" + bucket + "/foo"}}) {
            HttpResponse<String> response = anonymous(request[0], request[1], request[0].equals("PUT") ? "x" : null);
            assertThat(response.statusCode()).as(request[0] + " " + request[1]).isEqualTo(404);
            assertThat(response.body()).contains("<Code>NoSuchBucket</Code>");
        }
    }

    @Test
    void corsPreflightNeedsNoSignature() {
        String bucket = bucketWith("k");
        owner.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(r -> r.allowedOrigins("*").allowedMethods("GET"))));
        HttpRequest preflight = HttpRequest.newBuilder(mocks3.s3("/" + bucket + "/k"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.test").header("Access-Control-Request-Method", "GET").build();
        try {
            HttpResponse<String> response = mocks3.http().send(preflight, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
