package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.faults.RulesApiClient;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Browser form uploads (POST Object) as a web application builds them: a policy written and signed
 * by its server (SigV4 or SigV2), the form posted by the browser with the plain JDK HttpClient, the
 * object then read back with the SDK. Each policy condition and each refusal is S3's.
 */
class PostObjectTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    private URI bucketUri(String bucket) {
        return mocks3.uri("/" + bucket);
    }

    /** A policy allowing {@code key} exactly in {@code bucket}, any size. */
    private static PolicySigner policyFor(String bucket, String key) {
        return new PolicySigner().condition("{\"bucket\":\"" + bucket + "\"}").condition("{\"key\":\"" + key + "\"}");
    }

    private static BrowserForm signedForm(PolicySigner policy, String key) {
        return new BrowserForm().field("key", key)
                .fields(policy.sigV4(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY));
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(RawHttp.errorCode(response)).isEqualTo(code);
        if (message != null) {
            assertThat(errorMessage(response)).isEqualTo(message);
        }
    }

    private static String errorMessage(HttpResponse<String> response) {
        try {
            return javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)))
                    .getElementsByTagName("Message").item(0).getTextContent();
        } catch (Exception e) {
            throw new AssertionError("not an error document: " + response.body(), e);
        }
    }

    /** The key has no object: a GET is 404 NoSuchKey (not some other refusal that would hide an object). */
    private void assertNoObject(String bucket, String key) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)))
                .isInstanceOfSatisfying(NoSuchKeyException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
    }

    @Test
    void sigV4FormStoresTheFileWithTheMetadataFieldsAndAnswers201WithPostResponse() {
        String bucket = mocks3.newBucket("post-v4");
        PolicySigner policy = new PolicySigner().condition("{\"bucket\":\"" + bucket + "\"}")
                .condition("[\"starts-with\",\"$key\",\"uploads/\"]")
                .condition("[\"starts-with\",\"$Content-Type\",\"text/\"]")
                .condition("{\"Cache-Control\":\"max-age=60\"}")
                .condition("{\"Content-Disposition\":\"attachment; filename=report.txt\"}")
                .condition("{\"Expires\":\"Wed, 21 Oct 2037 07:28:00 GMT\"}")
                .condition("[\"starts-with\",\"$x-amz-meta-color\",\"\"]")
                .condition("{\"acl\":\"public-read\"}")
                .condition("[\"starts-with\",\"$tagging\",\"\"]")
                .condition("{\"x-amz-storage-class\":\"STANDARD_IA\"}")
                .condition("{\"x-amz-server-side-encryption\":\"AES256\"}")
                .condition("{\"success_action_status\":\"201\"}")
                .condition("[\"content-length-range\",1,1048576]");
        // fields in any order before the file; the key names the file the browser sent
        HttpResponse<String> response = new BrowserForm()
                .field("Content-Type", "text/plain")
                .field("x-amz-meta-color", "blue")
                .fields(policy.sigV4(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY))
                .field("key", "uploads/${filename}")
                .field("Cache-Control", "max-age=60")
                .field("Content-Disposition", "attachment; filename=report.txt")
                .field("Expires", "Wed, 21 Oct 2037 07:28:00 GMT")
                .field("acl", "public-read")
                .field("tagging", "<Tagging><TagSet><Tag><Key>team</Key><Value>web ui</Value></Tag></TagSet></Tagging>")
                .field("x-amz-storage-class", "STANDARD_IA")
                .field("x-amz-server-side-encryption", "AES256")
                .field("success_action_status", "201")
                .file("report.txt", "application/octet-stream", "quarterly numbers".getBytes(StandardCharsets.UTF_8))
                .post(mocks3.http(), bucketUri(bucket));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        ResponseBytes<GetObjectResponse> object = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("uploads/report.txt"));
        String etag = object.response().eTag();
        assertThat(response.body()).contains("<PostResponse>", "<Bucket>" + bucket + "</Bucket>",
                "<Key>uploads/report.txt</Key>", "<ETag>" + etag.replace("\"", "&quot;") + "</ETag>",
                "<Location>" + bucketUri(bucket) + "/uploads/report.txt</Location>");
        assertThat(response.headers().firstValue("ETag")).contains(etag);
        assertThat(response.headers().firstValue("x-amz-server-side-encryption")).contains("AES256");

        GetObjectResponse stored = object.response();
        assertThat(object.asUtf8String()).isEqualTo("quarterly numbers");
        assertThat(stored.contentType()).isEqualTo("text/plain");
        assertThat(stored.cacheControl()).isEqualTo("max-age=60");
        assertThat(stored.contentDisposition()).isEqualTo("attachment; filename=report.txt");
        assertThat(stored.expires()).isEqualTo(Instant.parse("2037-10-21T07:28:00Z"));
        assertThat(stored.metadata()).containsExactly(Map.entry("color", "blue"));
        assertThat(stored.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(stored.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(mocks3.s3().getObjectTagging(b -> b.bucket(bucket).key("uploads/report.txt")).tagSet())
                .containsExactly(Tag.builder().key("team").value("web ui").build());
        assertThat(mocks3.s3().getObjectAcl(b -> b.bucket(bucket).key("uploads/report.txt")).grants())
                .anySatisfy(grant -> {
                    assertThat(grant.grantee().uri()).isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
                    assertThat(grant.permission()).isEqualTo(Permission.READ);
                });
    }

    @Test
    void sigV2FormUploadsAndAnswers204WithLocationAndEtag() {
        String bucket = mocks3.newBucket("post-v2");
        Map<String, String> signed = policyFor(bucket, "v2.txt").sigV2(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY);
        HttpResponse<String> response = new BrowserForm().field("key", "v2.txt").fields(signed)
                .post(mocks3.http(), bucketUri(bucket));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        HeadObjectResponse head = mocks3.s3().headObject(b -> b.bucket(bucket).key("v2.txt"));
        assertThat(response.headers().firstValue("ETag")).contains(head.eTag());
        assertThat(response.headers().firstValue("Location")).contains(bucketUri(bucket) + "/v2.txt");
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("v2.txt")).asUtf8String()).isEqualTo("hello form");
    }

    @Test
    void successActionStatus200IsEmptyAndAnyOtherValueIs204() {
        String bucket = mocks3.newBucket("post-status");
        PolicySigner policy = new PolicySigner().condition("[\"starts-with\",\"$key\",\"\"]")
                .condition("[\"starts-with\",\"$success_action_status\",\"\"]");
        HttpResponse<String> ok = signedForm(policy, "a").field("success_action_status", "200")
                .post(mocks3.http(), bucketUri(bucket));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEmpty();
        HttpResponse<String> other = signedForm(policy, "b").field("success_action_status", "404")
                .post(mocks3.http(), bucketUri(bucket));
        assertThat(other.statusCode()).isEqualTo(204);
    }

    @Test
    void successActionRedirectAnswers303WithBucketKeyAndEtag() {
        String bucket = mocks3.newBucket("post-redirect");
        String target = "https://app.example.com/uploaded?from=form";
        PolicySigner policy = policyFor(bucket, "docs/a b.txt").condition("[\"eq\",\"$success_action_redirect\",\"" + target + "\"]");
        HttpResponse<String> response = signedForm(policy, "docs/a b.txt").field("success_action_redirect", target)
                .post(mocks3.http(), bucketUri(bucket));

        assertThat(response.statusCode()).isEqualTo(303);
        String etag = mocks3.s3().headObject(b -> b.bucket(bucket).key("docs/a b.txt")).eTag();
        assertThat(response.headers().firstValue("Location")).contains(target + "&bucket=" + bucket
                + "&key=docs%2Fa+b.txt&etag=" + etag.replace("\"", "%22"));
    }

    @Test
    void redirectFieldWorksLikeSuccessActionRedirect() {
        String bucket = mocks3.newBucket("post-redirect2");
        PolicySigner policy = policyFor(bucket, "r.txt").condition("[\"starts-with\",\"$redirect\",\"http://\"]");
        HttpResponse<String> response = signedForm(policy, "r.txt").field("redirect", "http://localhost/done")
                .post(mocks3.http(), bucketUri(bucket));
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("http://localhost/done?bucket=" + bucket + "&key=r.txt&etag=%22");
    }

    @Test
    void fieldsAfterTheFileAreIgnoredAsOnS3() {
        String bucket = mocks3.newBucket("post-after");
        HttpResponse<String> response = signedForm(policyFor(bucket, "late.txt"), "late.txt")
                .file("late.txt", "text/plain", "early".getBytes(StandardCharsets.UTF_8))
                .field("x-amz-meta-late", "not stored, not checked")
                .field("key", "other-key")
                .post(mocks3.http(), bucketUri(bucket));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        HeadObjectResponse head = mocks3.s3().headObject(b -> b.bucket(bucket).key("late.txt"));
        assertThat(head.metadata()).isEmpty();
        assertNoObject(bucket, "other-key");
    }

    @Test
    void expiredPolicyIsAccessDenied() {
        String bucket = mocks3.newBucket("post-expired");
        PolicySigner policy = policyFor(bucket, "k").expiresAt(Instant.now().minusSeconds(60).toString());
        assertRefused(signedForm(policy, "k").post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied",
                "Invalid according to Policy: Policy expired.");
        assertNoObject(bucket, "k");
    }

    @Test
    void eachConditionMustHold() {
        String bucket = mocks3.newBucket("post-cond");
        assertRefused(signedForm(policyFor(bucket, "expected"), "other").post(mocks3.http(), bucketUri(bucket)),
                403, "AccessDenied", "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$key\", \"expected\"]");
        PolicySigner prefix = new PolicySigner().condition("[\"starts-with\",\"$key\",\"user/42/\"]");
        assertRefused(signedForm(prefix, "user/43/a").post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied",
                "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"user/42/\"]");
        assertThat(signedForm(prefix, "user/42/a").post(mocks3.http(), bucketUri(bucket)).statusCode()).isEqualTo(204);
        PolicySigner metadata = new PolicySigner().condition("[\"starts-with\",\"$key\",\"\"]")
                .condition("[\"eq\",\"$x-amz-meta-owner\",\"alice\"]");
        assertRefused(signedForm(metadata, "m").field("x-amz-meta-owner", "bob").post(mocks3.http(), bucketUri(bucket)),
                403, "AccessDenied", null);
        assertRefused(signedForm(metadata, "m").post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied", null);
        assertNoObject(bucket, "m");
    }

    @Test
    void fieldNamesAndOperatorsMatchInAnyCase() {
        String bucket = mocks3.newBucket("post-case");
        PolicySigner policy = new PolicySigner().condition("{\"bUcKeT\":\"" + bucket + "\"}")
                .condition("[\"StArTs-WiTh\",\"$KeY\",\"fo\"]").condition("{\"AcL\":\"private\"}");
        HttpResponse<String> response = new BrowserForm().field("kEy", "foo.txt").field("aCl", "private")
                .fields(policy.sigV4(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY))
                .post(mocks3.http(), bucketUri(bucket));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("foo.txt")).asUtf8String()).isEqualTo("hello form");
    }

    @Test
    void everyFieldMustBeNamedByTheConditionsButXIgnoreFields() {
        String bucket = mocks3.newBucket("post-extra");
        assertRefused(signedForm(policyFor(bucket, "k"), "k").field("x-amz-meta-extra", "x").field("Cache-Control", "no-cache")
                .post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied",
                "Invalid according to Policy: Extra input fields: x-amz-meta-extra, Cache-Control");
        assertThat(signedForm(policyFor(bucket, "k"), "k").field("x-ignore-submit", "Upload")
                .post(mocks3.http(), bucketUri(bucket)).statusCode()).isEqualTo(204);
    }

    @Test
    void bucketConditionNamesTheBucketPostedTo() {
        String bucket = mocks3.newBucket("post-bucket");
        PolicySigner policy = new PolicySigner().condition("{\"bucket\":\"some-other-bucket\"}").condition("{\"key\":\"k\"}");
        assertRefused(signedForm(policy, "k").post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied",
                "Invalid according to Policy: Policy Condition failed: [\"eq\", \"$bucket\", \"some-other-bucket\"]");
    }

    @Test
    void contentLengthRangeRefusesFilesOutsideItAndStoresNothing() {
        String bucket = mocks3.newBucket("post-size");
        PolicySigner policy = policyFor(bucket, "sized").condition("[\"content-length-range\",10,20]");
        assertRefused(signedForm(policy, "sized").file("big", "text/plain", new byte[21]).post(mocks3.http(), bucketUri(bucket)),
                400, "EntityTooLarge", null);
        assertRefused(signedForm(policy, "sized").file("small", "text/plain", new byte[9]).post(mocks3.http(), bucketUri(bucket)),
                400, "EntityTooSmall", null);
        assertNoObject(bucket, "sized");
        assertThat(signedForm(policy, "sized").file("ok", "text/plain", new byte[20]).post(mocks3.http(), bucketUri(bucket))
                .statusCode()).isEqualTo(204);
    }

    @Test
    void wrongSignatureOrUnknownKeyIsRefused() {
        String bucket = mocks3.newBucket("post-sig");
        Map<String, String> signed = new LinkedHashMap<>(policyFor(bucket, "k").sigV4(MockS3Fixture.ACCESS_KEY, "wrong-secret"));
        assertRefused(new BrowserForm().field("key", "k").fields(signed).post(mocks3.http(), bucketUri(bucket)),
                403, "SignatureDoesNotMatch", null);
        Map<String, String> unknown = policyFor(bucket, "k").sigV2("no-such-key", "secret");
        assertRefused(new BrowserForm().field("key", "k").fields(unknown).post(mocks3.http(), bucketUri(bucket)),
                403, "InvalidAccessKeyId", null);
        Map<String, String> v2 = new LinkedHashMap<>(policyFor(bucket, "k").sigV2(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY));
        v2.put("signature", new StringBuilder(v2.get("signature")).reverse().toString());
        assertRefused(new BrowserForm().field("key", "k").fields(v2).post(mocks3.http(), bucketUri(bucket)),
                403, "SignatureDoesNotMatch", null);
        assertNoObject(bucket, "k");
    }

    @Test
    void missingFieldsAreInvalidArgument() {
        String bucket = mocks3.newBucket("post-missing");
        Map<String, String> signed = policyFor(bucket, "k").sigV4(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY);
        assertRefused(new BrowserForm().fields(signed).post(mocks3.http(), bucketUri(bucket)), 400, "InvalidArgument",
                "Bucket POST must contain a field named 'key'.  If it is specified, please check the order of the fields.");
        Map<String, String> unsigned = new LinkedHashMap<>(signed);
        unsigned.remove("x-amz-signature");
        assertRefused(new BrowserForm().field("key", "k").fields(unsigned).post(mocks3.http(), bucketUri(bucket)),
                400, "InvalidArgument", "Bucket POST must contain a field named 'x-amz-signature'.  If it is specified, "
                        + "please check the order of the fields.");
        Map<String, String> noPolicy = new LinkedHashMap<>(signed);
        noPolicy.remove("policy");
        assertRefused(new BrowserForm().field("key", "k").fields(noPolicy).post(mocks3.http(), bucketUri(bucket)),
                400, "InvalidArgument", null);
        assertRefused(new BrowserForm().field("key", "k").fields(signed).withoutFile().post(mocks3.http(), bucketUri(bucket)),
                400, "InvalidArgument", "POST requires exactly one file upload per request.");
    }

    @Test
    void malformedPolicyDocumentsAreInvalidPolicyDocument() {
        String bucket = mocks3.newBucket("post-badpolicy");
        String future = Instant.now().plusSeconds(600).toString();
        for (String document : new String[] {"not json", "{\"conditions\":[]}", "{\"expiration\":\"" + future + "\"}",
                "{\"expiration\":\"2030-01-01 00:00:00\",\"conditions\":[]}",
                "{\"EXPIRATION\":\"" + future + "\",\"conditions\":[]}",
                "{\"expiration\":\"" + future + "\",\"conditions\":[{}]}",
                "{\"expiration\":\"" + future + "\",\"conditions\":[[\"content-length-range\",-1,10]]}",
                "{\"expiration\":\"" + future + "\",\"conditions\":[[\"content-length-range\",0]]}"}) {
            String policy = PolicySigner.base64(document);
            String date = PolicySigner.amzDate(Instant.now());
            Map<String, String> fields = PolicySigner.sigV4Fields(policy, MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY,
                    MockS3Fixture.ACCESS_KEY + "/" + date.substring(0, 8) + "/us-east-1/s3/aws4_request", date);
            HttpResponse<String> response = new BrowserForm().field("key", "k").fields(fields).post(mocks3.http(), bucketUri(bucket));
            assertThat(response.statusCode()).as(document).isEqualTo(400);
            assertThat(RawHttp.errorCode(response)).as(document).isEqualTo("InvalidPolicyDocument");
        }
    }

    @Test
    void aPostThatIsNoMultipartFormIsPreconditionFailedAndABrokenOneMalformed() {
        String bucket = mocks3.newBucket("post-notform");
        RawHttp raw = new RawHttp(mocks3);
        HttpResponse<String> plain = raw.send("POST", "/" + bucket, "key=k", "Content-Type", "application/x-www-form-urlencoded");
        assertRefused(plain, 412, "PreconditionFailed", null);
        assertThat(plain.body()).contains("<Condition>Bucket POST must be of the enclosure-type multipart/form-data</Condition>");
        HttpResponse<String> broken = raw.send("POST", "/" + bucket, "this is not multipart",
                "Content-Type", "multipart/form-data; boundary=xyz");
        assertRefused(broken, 400, "MalformedPOSTRequest", null);
    }

    @Test
    void anonymousFormNeedsABucketThatAllowsAnonymousWrites() {
        String bucket = mocks3.newBucket("post-anon");
        assertRefused(new BrowserForm().field("key", "anon.txt").post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied", null);
        assertNoObject(bucket, "anon.txt");

        mocks3.s3().putBucketAcl(b -> b.bucket(bucket).acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ_WRITE));
        HttpResponse<String> allowed = new BrowserForm().field("key", "anon.txt").field("Content-Type", "text/plain")
                .post(mocks3.http(), bucketUri(bucket));
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(204);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("anon.txt")).asUtf8String()).isEqualTo("hello form");

        String byPolicy = mocks3.newBucket("post-anon-policy");
        mocks3.s3().putBucketPolicy(b -> b.bucket(byPolicy).policy(BucketPolicyTest.policy("Allow", "s3:PutObject",
                "arn:aws:s3:::" + byPolicy + "/public/*")));
        assertThat(new BrowserForm().field("key", "public/a").post(mocks3.http(), bucketUri(byPolicy)).statusCode()).isEqualTo(204);
        assertRefused(new BrowserForm().field("key", "private/a").post(mocks3.http(), bucketUri(byPolicy)), 403, "AccessDenied", null);
    }

    @Test
    void contentMd5FieldIsCheckedAgainstTheFile() throws Exception {
        String bucket = mocks3.newBucket("post-md5");
        byte[] content = "checked bytes".getBytes(StandardCharsets.UTF_8);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
        assertFieldCheckedAgainstTheFile(bucket, "md5", "Content-MD5", md5, content);
    }

    /** A {@code field} (Content-MD5, x-amz-checksum-*) the file does not match: BadDigest, no object; one it matches: stored. */
    private void assertFieldCheckedAgainstTheFile(String bucket, String key, String field, String value, byte[] content) {
        PolicySigner policy = policyFor(bucket, key).condition("[\"starts-with\",\"$" + field + "\",\"\"]");
        assertRefused(signedForm(policy, key).field(field, value).file("f", "text/plain", "other bytes".getBytes(StandardCharsets.UTF_8))
                .post(mocks3.http(), bucketUri(bucket)), 400, "BadDigest", null);
        assertNoObject(bucket, key);
        assertThat(signedForm(policy, key).field(field, value).file("f", "text/plain", content)
                .post(mocks3.http(), bucketUri(bucket)).statusCode()).isEqualTo(204);
    }

    @Test
    void aChecksumFieldIsCheckedAndStoredAndAnsweredWithChecksumMode() throws Exception {
        String bucket = mocks3.newBucket("post-checksum");
        byte[] content = "checksummed form".getBytes(StandardCharsets.UTF_8);
        String sha256 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        assertFieldCheckedAgainstTheFile(bucket, "sum", "x-amz-checksum-sha256", sha256, content);
        GetObjectResponse got = mocks3.s3().getObject(b -> b.bucket(bucket).key("sum")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED),
                software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()).response();
        assertThat(got.checksumSHA256()).isEqualTo(sha256);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("sum")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)).checksumSHA256()).isEqualTo(sha256);
    }

    @Test
    void aCredentialDatedOtherThanXAmzDateIsRefused() {
        String bucket = mocks3.newBucket("post-scope-date");
        String yesterday = PolicySigner.amzDate(Instant.now().minus(java.time.Duration.ofDays(1))).substring(0, 8);
        // signed correctly for yesterday's scope, posted with today's x-amz-date
        Map<String, String> fields = policyFor(bucket, "k").sigV4(MockS3Fixture.ACCESS_KEY, MockS3Fixture.SECRET_KEY, yesterday);
        HttpResponse<String> response = new BrowserForm().field("key", "k").fields(fields).post(mocks3.http(), bucketUri(bucket));
        assertRefused(response, 400, "InvalidArgument", null);
        assertThat(errorMessage(response)).contains("Invalid credential date \"" + yesterday + "\"");
        assertNoObject(bucket, "k");
    }

    @Test
    void aFormToAMissingBucketIsNoSuchBucket() {
        String bucket = MockS3Fixture.uniqueBucket("post-nobucket");
        assertRefused(signedForm(policyFor(bucket, "k"), "k").post(mocks3.http(), bucketUri(bucket)), 404, "NoSuchBucket", null);
    }

    @Test
    void virtualHostedStyleFormUploads() throws Exception {
        String bucket = mocks3.newBucket("post-vhost");
        BrowserForm form = signedForm(policyFor(bucket, "v.txt"), "v.txt");
        byte[] body = form.body().readAllBytes();
        int port = mocks3.endpoint().getPort();
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            String head = "POST / HTTP/1.1\r\nHost: " + bucket + ".localhost:" + port + "\r\nContent-Type: " + form.contentType()
                    + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(body);
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 204").contains("Location: http://" + bucket + ".localhost:" + port + "/v.txt");
        }
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("v.txt")).asUtf8String()).isEqualTo("hello form");
    }

    @Test
    void keyTakesTheFilenameWhereTheFieldSaysSo() {
        String bucket = mocks3.newBucket("post-filename");
        PolicySigner policy = new PolicySigner().condition("[\"starts-with\",\"$key\",\"in/\"]");
        assertThat(signedForm(policy, "in/${filename}").file("photo 1.jpg", "image/jpeg", new byte[] {1, 2, 3})
                .post(mocks3.http(), bucketUri(bucket)).statusCode()).isEqualTo(204);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("in/photo 1.jpg")).asByteArray()).containsExactly(1, 2, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("in/${filename}")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void policyConditionsOnTheKeySeeTheFilenameInIt() {
        String bucket = mocks3.newBucket("post-filename-policy");
        PolicySigner policy = new PolicySigner().condition("[\"starts-with\",\"$key\",\"photo\"]");
        assertThat(signedForm(policy, "${filename}").file("photo.jpg", "image/jpeg", new byte[] {4, 5})
                .post(mocks3.http(), bucketUri(bucket)).statusCode()).isEqualTo(204);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("photo.jpg")).asByteArray()).containsExactly(4, 5);

        assertRefused(signedForm(policy, "${filename}").file("notes.txt", "text/plain", new byte[] {6})
                .post(mocks3.http(), bucketUri(bucket)), 403, "AccessDenied",
                "Invalid according to Policy: Policy Condition failed: [\"starts-with\", \"$key\", \"photo\"]");
        assertNoObject(bucket, "notes.txt");
    }

    @Test
    void faultRulesNamePostObjectAndMetricsCountIt() {
        String bucket = mocks3.newBucket("post-fault");
        RulesApiClient api = new RulesApiClient(mocks3.runner(), mocks3.http());
        String rule = api.create("{\"name\":\"post\",\"conditions\":[{\"type\":\"bucket\",\"value\":\"" + bucket
                + "\"},{\"type\":\"operation\",\"value\":\"PostObject\"}],"
                + "\"action\":{\"type\":\"http_error\",\"http_code\":503,\"error_code\":\"SlowDown\"}}");
        try {
            assertRefused(signedForm(policyFor(bucket, "k"), "k").post(mocks3.http(), bucketUri(bucket)), 503, "SlowDown", null);
            assertNoObject(bucket, "k");
            assertThat(api.events("bucket=" + bucket, 1).get("events").get(0).get("operation").asText()).isEqualTo("PostObject");
        } finally {
            api.delete(rule);
        }
        assertThat(signedForm(policyFor(bucket, "k"), "k").post(mocks3.http(), bucketUri(bucket)).statusCode()).isEqualTo(204);
        assertThat(new RawHttp(mocks3).get("/_mocks3/metrics").body()).contains("operation=\"PostObject\"");
    }

    @Test
    void a100MibFileStreamsToTheObject() throws Exception {
        String bucket = mocks3.newBucket("post-large");
        long size = 100L * 1024 * 1024;
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        try (java.io.InputStream pattern = new PatternStream(size)) {
            byte[] chunk = new byte[1 << 16];
            for (int n; (n = pattern.read(chunk)) > 0; ) {
                md5.update(chunk, 0, n);
            }
        }
        PolicySigner policy = policyFor(bucket, "large.bin").condition("[\"content-length-range\",0," + size + "]");
        HttpResponse<String> response = signedForm(policy, "large.bin")
                .file("large.bin", "application/octet-stream", () -> new PatternStream(size))
                .postStreamed(mocks3.http(), bucketUri(bucket));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        HeadObjectResponse head = mocks3.s3().headObject(b -> b.bucket(bucket).key("large.bin"));
        assertThat(head.contentLength()).isEqualTo(size);
        assertThat(head.eTag()).isEqualTo("\"" + java.util.HexFormat.of().formatHex(md5.digest()) + "\"");
    }

    /** {@code size} bytes of a repeating pattern, made as they are read. */
    private static final class PatternStream extends java.io.InputStream {
        private final long size;
        private long position;

        PatternStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? (int) (position++ * 31 % 251) : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) (position++ * 31 % 251);
            }
            return n;
        }
    }
}
