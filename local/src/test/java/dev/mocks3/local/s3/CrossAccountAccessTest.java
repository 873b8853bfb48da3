package dev.mocks3.local.s3;

import static dev.mocks3.local.StrictMockS3.KEY_A;
import static dev.mocks3.local.StrictMockS3.KEY_B;
import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.auth.AccountId;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Strict mode, two accounts: key A owns the buckets, key B is another account, and plain HTTP is
 * anonymous. B gets only what a bucket policy allows it or an ACL grants it; an explicit Deny wins
 * over every Allow; the public access block and Object Ownership shape both.
 */
class CrossAccountAccessTest extends TwoAccounts {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    private static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    private static String bucketOfA(String... keys) {
        String bucket = MockS3Fixture.uniqueBucket("xacct");
        a.createBucket(r -> r.bucket(bucket));
        for (String key : keys) {
            a.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("content of " + key));
        }
        return bucket;
    }

    private static void policy(String bucket, String statements) {
        a.putBucketPolicy(r -> r.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.formatted(bucket) + "]}"));
    }

    private static String read(S3Client client, String bucket, String key) {
        return client.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asUtf8String();
    }

    private static void put(S3Client client, String bucket, String key) {
        client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString("written"));
    }

    private static void denied(Runnable call) {
        assertError(call, 403, "AccessDenied");
    }

    private static HttpResponse<String> anonymousGet(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(mocks3.s3(path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return mocks3.http().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherAccountWithoutAGrantOrAPolicyIsRefused() {
        String bucket = bucketOfA("k");
        denied(() -> read(b, bucket, "k"));
        denied(() -> b.listObjectsV2(r -> r.bucket(bucket)));
        denied(() -> put(b, bucket, "k2"));
        denied(() -> b.getBucketAcl(r -> r.bucket(bucket)));
        assertThat(read(a, bucket, "k")).isEqualTo("content of k");
    }

    @Test
    void policyAllowingTheOtherAccountByIdGivesItExactlyTheActionsNamed() {
        String bucket = bucketOfA("k");
        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::%%s/*"}"""
                .formatted(accountB));
        assertThat(read(b, bucket, "k")).isEqualTo("content of k");
        denied(() -> put(b, bucket, "k"));
        denied(() -> b.listObjectsV2(r -> r.bucket(bucket)));
        denied(() -> b.deleteObject(r -> r.bucket(bucket).key("k")));
    }

    @Test
    void aDeleteConditionalOnTheETagAlsoNeedsGetObject() {
        String bucket = bucketOfA("k", "l", "m");
        String etag = a.headObject(r -> r.bucket(bucket).key("k")).eTag();
        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::%%s/*"}"""
                .formatted(accountB));
        denied(() -> b.deleteObject(r -> r.bucket(bucket).key("k").ifMatch(etag)));
        assertThat(b.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(o -> o.key("l").eTag(etag)))).errors())
                .extracting(e -> e.code()).containsExactly("AccessDenied");
        assertThat(read(a, bucket, "k")).as("a delete that could tell the ETag needs the read too").isEqualTo("content of k");
        b.deleteObject(r -> r.bucket(bucket).key("m"));
        assertError(() -> read(a, bucket, "m"), 404, "NoSuchKey");

        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":["s3:DeleteObject","s3:GetObject"],"Resource":"arn:aws:s3:::%%s/*"}"""
                .formatted(accountB));
        b.deleteObject(r -> r.bucket(bucket).key("k").ifMatch(etag));
        assertError(() -> read(a, bucket, "k"), 404, "NoSuchKey");
    }

    @Test
    void principalsByRootArnAndCanonicalUserWithWildcardActionsAndResources() {
        String bucket = bucketOfA("logs/a.txt", "data/b.txt");
        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::%s:root"]},"Action":"s3:List*","Resource":"arn:aws:s3:::%%1$s"},
                {"Effect":"Allow","Principal":{"CanonicalUser":"%s"},"Action":["s3:Put*","s3:Get?bject"],
                 "Resource":"arn:aws:s3:::%%1$s/logs/*"}""".formatted(accountB, canonicalB));

        assertThat(b.listObjectsV2(r -> r.bucket(bucket)).contents()).hasSize(2);
        put(b, bucket, "logs/new.txt");
        assertThat(read(b, bucket, "logs/new.txt")).isEqualTo("written");
        denied(() -> put(b, bucket, "data/new.txt"));
        denied(() -> read(b, bucket, "data/b.txt"));
    }

    @Test
    void explicitDenyWinsOverAnAllow() {
        String bucket = bucketOfA("k", "keep");
        policy(bucket, """
                {"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::%%1$s","arn:aws:s3:::%%1$s/*"]},
                {"Effect":"Deny","Principal":{"AWS":"%s"},"Action":"s3:DeleteObject","Resource":"arn:aws:s3:::%%1$s/keep"}"""
                .formatted(accountB));
        assertThat(read(b, bucket, "keep")).isEqualTo("content of keep");
        b.deleteObject(r -> r.bucket(bucket).key("k"));
        denied(() -> b.deleteObject(r -> r.bucket(bucket).key("keep")));
        a.deleteObject(r -> r.bucket(bucket).key("keep"));
    }

    @Test
    void notPrincipalNotActionAndNotResource() {
        String bucket = bucketOfA("open/a.txt", "secret/b.txt");
        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%1$s"},"NotAction":"s3:DeleteObject","NotResource":"arn:aws:s3:::%%1$s/secret/*"},
                {"Effect":"Deny","NotPrincipal":{"AWS":"%2$s"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::%%1$s/open/readonly/*"}"""
                .formatted(accountB, AccountId.of(KEY_A)));

        assertThat(read(b, bucket, "open/a.txt")).isEqualTo("content of open/a.txt");
        put(b, bucket, "open/new.txt");
        denied(() -> b.deleteObject(r -> r.bucket(bucket).key("open/a.txt")));
        denied(() -> read(b, bucket, "secret/b.txt"));
        denied(() -> put(b, bucket, "open/readonly/x.txt"));
        put(a, bucket, "open/readonly/x.txt");
    }

    @Test
    void conditionsOnTimeUserAgentAclAndRefererDecideWhetherAStatementApplies() {
        String bucket = bucketOfA("now.txt", "never.txt", "sdk.txt", "linked.txt");
        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::%%1$s/now.txt",
                 "Condition":{"DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"}}},
                {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::%%1$s/never.txt",
                 "Condition":{"DateLessThan":{"aws:CurrentTime":"2020-01-01"}}},
                {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::%%1$s/sdk.txt",
                 "Condition":{"StringLike":{"aws:UserAgent":"*aws-sdk-java*"},"IpAddress":{"aws:SourceIp":["127.0.0.1/32","::1"]}}},
                {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":["s3:PutObject","s3:PutObjectAcl"],"Resource":"arn:aws:s3:::%%1$s/drop/*",
                 "Condition":{"StringEquals":{"s3:x-amz-acl":"bucket-owner-full-control"}}},
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%%1$s/linked.txt",
                 "Condition":{"StringLike":{"aws:Referer":"https://app.test/*"}}}""".formatted(accountB));

        assertThat(read(b, bucket, "now.txt")).isEqualTo("content of now.txt");
        denied(() -> read(b, bucket, "never.txt"));
        assertThat(read(b, bucket, "sdk.txt")).isEqualTo("content of sdk.txt");
        b.putObject(r -> r.bucket(bucket).key("drop/x").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("x"));
        denied(() -> put(b, bucket, "drop/y"));
        assertThat(anonymousGet("/" + bucket + "/linked.txt", "Referer", "https://app.test/page").statusCode()).isEqualTo(200);
        assertThat(anonymousGet("/" + bucket + "/linked.txt").statusCode()).isEqualTo(403);
    }

    @Test
    void grantHeadersOfAWriteAreConditionKeysOfThePolicy() {
        String bucket = bucketOfA();
        String ownerOfBucket = "id=" + a.listBuckets().owner().id();
        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%1$s"},"Action":["s3:PutObject","s3:PutObjectAcl"],"Resource":"arn:aws:s3:::%%1$s/*",
                 "Condition":{"StringEquals":{"s3:x-amz-grant-full-control":"%2$s"}}}""".formatted(accountB, ownerOfBucket));

        b.putObject(r -> r.bucket(bucket).key("granted").grantFullControl(ownerOfBucket), RequestBody.fromString("g"));
        denied(() -> b.putObject(r -> r.bucket(bucket).key("kept").grantFullControl("id=" + canonicalB), RequestBody.fromString("k")));
        denied(() -> put(b, bucket, "plain"));
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("granted")).grants())
                .anyMatch(grant -> grant.permission() == Permission.FULL_CONTROL
                        && ownerOfBucket.equals("id=" + grant.grantee().id()));
    }

    @Test
    void bucketAclGrantsByCanonicalIdGiveListingAndWrites() {
        String bucket = bucketOfA("k");
        a.putBucketAcl(r -> r.bucket(bucket).grantRead("id=\"" + canonicalB + "\""));
        assertThat(b.listObjectsV2(r -> r.bucket(bucket)).contents()).hasSize(1);
        denied(() -> put(b, bucket, "new"));
        denied(() -> read(b, bucket, "k"));

        a.putBucketAcl(r -> r.bucket(bucket).grantWrite("id=\"" + canonicalB + "\"").grantReadACP("id=\"" + canonicalB + "\""));
        put(b, bucket, "new");
        assertThat(b.getBucketAcl(r -> r.bucket(bucket)).grants()).hasSize(2);
        denied(() -> b.listObjectsV2(r -> r.bucket(bucket)));
        assertThat(read(b, bucket, "new")).as("B owns what it wrote (ObjectWriter)").isEqualTo("written");
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("new")).owner().displayName()).isEqualTo(KEY_B);
        b.deleteObject(r -> r.bucket(bucket).key("k"));
    }

    @Test
    void anOwnerThatRevokesItsOwnBucketGrantCannotWriteObjectsButStillReadsAndSetsTheAcl() {
        String bucket = bucketOfA("k");
        var acl = a.getBucketAcl(r -> r.bucket(bucket));
        a.putBucketAcl(r -> r.bucket(bucket).accessControlPolicy(p -> p.owner(acl.owner()).grants(List.of())));
        assertThat(a.getBucketAcl(r -> r.bucket(bucket)).grants()).isEmpty();
        denied(() -> put(a, bucket, "new"));
        denied(() -> a.listObjectsV2(r -> r.bucket(bucket)));
        assertThat(read(a, bucket, "k")).as("the object's own ACL still gives its owner full control").isEqualTo("content of k");

        a.putBucketAcl(r -> r.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        put(a, bucket, "new");
    }

    @Test
    void aGrantToACanonicalIdOfNoAccountIsRefusedAsAnInvalidId() {
        String bucket = bucketOfA("k");
        var acl = a.getBucketAcl(r -> r.bucket(bucket));
        Grant unknown = Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id("_foo")).permission(Permission.FULL_CONTROL).build();
        List<Grant> grants = new ArrayList<>(acl.grants());
        grants.add(unknown);
        assertError(() -> a.putBucketAcl(r -> r.bucket(bucket).accessControlPolicy(p -> p.owner(acl.owner()).grants(grants))),
                400, "InvalidArgument");
        assertError(() -> a.putObjectAcl(r -> r.bucket(bucket).key("k").grantRead("id=\"_foo\"")), 400, "InvalidArgument");
        assertThat(a.getBucketAcl(r -> r.bucket(bucket)).grants()).hasSize(1);
        a.putObjectAcl(r -> r.bucket(bucket).key("k").grantRead("id=\"" + canonicalB + "\""));
    }

    @Test
    void objectAclGrantsReadAndAclPermissions() {
        String bucket = bucketOfA("k");
        a.putObjectAcl(r -> r.bucket(bucket).key("k").grantRead("id=\"" + canonicalB + "\""));
        assertThat(read(b, bucket, "k")).isEqualTo("content of k");
        denied(() -> b.getObjectAcl(r -> r.bucket(bucket).key("k")));
        denied(() -> b.putObjectAcl(r -> r.bucket(bucket).key("k").acl(ObjectCannedACL.PUBLIC_READ)));

        a.putObjectAcl(r -> r.bucket(bucket).key("k").grantReadACP("id=\"" + canonicalB + "\"")
                .grantWriteACP("id=\"" + canonicalB + "\""));
        assertThat(b.getObjectAcl(r -> r.bucket(bucket).key("k")).grants()).hasSize(2);
        b.putObjectAcl(r -> r.bucket(bucket).key("k").grantRead("uri=\"" + ALL_USERS + "\""));
        assertThat(anonymousGet("/" + bucket + "/k").body()).isEqualTo("content of k");
    }

    @Test
    void authenticatedUsersGrantServesEverySignedKeyButNotAnonymousUntilPublicAclsAreIgnored() {
        String bucket = bucketOfA("k");
        a.putObject(r -> r.bucket(bucket).key("signed-only").acl(ObjectCannedACL.AUTHENTICATED_READ), RequestBody.fromString("s"));
        assertThat(read(b, bucket, "signed-only")).isEqualTo("s");
        assertThat(anonymousGet("/" + bucket + "/signed-only").statusCode()).isEqualTo(403);

        a.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.ignorePublicAcls(true)));
        denied(() -> read(b, bucket, "signed-only"));
        assertThat(read(a, bucket, "signed-only")).isEqualTo("s");
    }

    @Test
    void grantsByEmailAddressAreRefusedAsUnresolvable() {
        String bucket = bucketOfA("k");
        assertError(() -> a.putBucketAcl(r -> r.bucket(bucket).grantRead("emailAddress=\"b@example.com\"")), 400,
                "UnresolvableGrantByEmailAddress");
        assertError(() -> a.putObject(r -> r.bucket(bucket).key("e").grantRead("emailAddress=\"b@example.com\""),
                RequestBody.fromString("e")), 400, "UnresolvableGrantByEmailAddress");
        denied(() -> b.listObjectsV2(r -> r.bucket(bucket)));
    }

    @Test
    void bucketOwnerEnforcedTurnsAclsOffAndOwnsWhatOthersWrite() {
        String bucket = bucketOfA();
        a.putBucketAcl(r -> r.bucket(bucket).grantWrite("id=\"" + canonicalB + "\""));
        a.putBucketOwnershipControls(r -> r.bucket(bucket).ownershipControls(c -> c.rules(rule -> rule
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        denied(() -> put(b, bucket, "by-acl"));

        policy(bucket, """
                {"Effect":"Allow","Principal":{"AWS":"%s"},"Action":"s3:PutObject","Resource":"arn:aws:s3:::%%s/*"}""".formatted(accountB));
        put(b, bucket, "by-policy");
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("by-policy")).owner().displayName()).isEqualTo(KEY_A);
        assertError(() -> b.putObject(r -> r.bucket(bucket).key("public").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("p")), 400, "AccessControlListNotSupported");
        b.putObject(r -> r.bucket(bucket).key("bofc").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("p"));
    }

    @Test
    void bucketOwnerPreferredTakesObjectsWrittenWithBucketOwnerFullControl() {
        String bucket = bucketOfA();
        a.putBucketAcl(r -> r.bucket(bucket).grantWrite("id=\"" + canonicalB + "\""));
        a.putBucketOwnershipControls(r -> r.bucket(bucket).ownershipControls(c -> c.rules(rule -> rule
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED))));
        b.putObject(r -> r.bucket(bucket).key("given").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL), RequestBody.fromString("g"));
        put(b, bucket, "kept");
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("given")).owner().displayName()).isEqualTo(KEY_A);
        assertThat(a.getObjectAcl(r -> r.bucket(bucket).key("kept")).owner().displayName()).isEqualTo(KEY_B);
    }

    @Test
    void publicAccessBlockRefusesPublicAclsAndPoliciesAndRestrictsPublicBucketsToTheOwnersAccount() {
        String bucket = bucketOfA("k");
        a.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .blockPublicPolicy(true)));
        denied(() -> a.putBucketAcl(r -> r.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ)));
        denied(() -> a.putObject(r -> r.bucket(bucket).key("p").grantRead("uri=\"" + AUTHENTICATED_USERS + "\""),
                RequestBody.fromString("p")));
        denied(() -> policy(bucket, """
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}"""));

        a.putPublicAccessBlock(r -> r.bucket(bucket).publicAccessBlockConfiguration(c -> c.restrictPublicBuckets(true)));
        policy(bucket, """
                {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::%s/*"}""");
        assertThat(a.getBucketPolicyStatus(r -> r.bucket(bucket)).policyStatus().isPublic()).isTrue();
        denied(() -> read(b, bucket, "k"));
        assertThat(anonymousGet("/" + bucket + "/k").statusCode()).isEqualTo(403);
        assertThat(read(a, bucket, "k")).isEqualTo("content of k");

        a.deletePublicAccessBlock(r -> r.bucket(bucket));
        assertThat(read(b, bucket, "k")).isEqualTo("content of k");
    }

    @Test
    void copyNeedsReadOnTheSourceAndWriteOnTheDestination() {
        String source = bucketOfA("k");
        String target = MockS3Fixture.uniqueBucket("xacct-target");
        b.createBucket(r -> r.bucket(target));
        denied(() -> b.copyObject(r -> r.sourceBucket(source).sourceKey("k").destinationBucket(target).destinationKey("k")));

        a.putObjectAcl(r -> r.bucket(source).key("k").grantRead("id=\"" + canonicalB + "\""));
        b.copyObject(r -> r.sourceBucket(source).sourceKey("k").destinationBucket(target).destinationKey("k"));
        assertThat(read(b, target, "k")).isEqualTo("content of k");
    }

    @Test
    void noAclGrantsAnotherAccountTheBucketSettingsOnlyTheOwnerReadsAndWrites() {
        String bucket = bucketOfA();
        a.putBucketAcl(r -> r.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        a.putBucketWebsite(r -> r.bucket(bucket).websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))));
        a.putBucketMetricsConfiguration(r -> r.bucket(bucket).id("all").metricsConfiguration(m -> m.id("all")));

        assertError(() -> b.getBucketWebsite(r -> r.bucket(bucket)), 403, "AccessDenied");
        assertError(() -> b.deleteBucketWebsite(r -> r.bucket(bucket)), 403, "AccessDenied");
        assertError(() -> b.getBucketLogging(r -> r.bucket(bucket)), 403, "AccessDenied");
        assertError(() -> b.listBucketMetricsConfigurations(r -> r.bucket(bucket)), 403, "AccessDenied");
        assertError(() -> b.putBucketRequestPayment(r -> r.bucket(bucket)
                .requestPaymentConfiguration(p -> p.payer(software.amazon.awssdk.services.s3.model.Payer.REQUESTER))), 403,
                "AccessDenied");
        assertThat(a.getBucketWebsite(r -> r.bucket(bucket)).indexDocument().suffix()).isEqualTo("index.html");
        assertThat(a.listBucketMetricsConfigurations(r -> r.bucket(bucket)).metricsConfigurationList()).hasSize(1);
    }
}
