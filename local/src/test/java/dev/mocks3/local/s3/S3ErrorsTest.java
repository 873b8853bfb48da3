package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;

/** Bad input gets the S3 error code and status a real S3 gives, as XML with a request id. */
class S3ErrorsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp curl = new RawHttp(mocks3);

    @Test
    void invalidBucketNameIs400InvalidBucketName() {
        HttpResponse<String> response = curl.send("PUT", "/Bad_Bucket/", null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).isEqualTo("InvalidBucketName");
        assertThat(response.body()).contains("<RequestId>").contains("<Resource>");
        assertThat(response.headers().firstValue("x-amz-request-id")).isPresent();
    }

    @Test
    void creatingAnOwnedBucketAgainOutsideUsEast1IsBucketAlreadyOwnedByYou() {
        String bucket = MockS3Fixture.uniqueBucket("twice");
        String config = "<CreateBucketConfiguration><LocationConstraint>eu-central-1</LocationConstraint></CreateBucketConfiguration>";
        assertThat(curl.send("PUT", "/" + bucket, config).statusCode()).isEqualTo(200);
        HttpResponse<String> response = curl.send("PUT", "/" + bucket, config);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(RawHttp.errorCode(response)).isEqualTo("BucketAlreadyOwnedByYou");
    }

    @Test
    void missingKeyIsNoSuchKeyAndMissingBucketIsNoSuchBucket() {
        String bucket = mocks3.newBucket("missing");
        assertThat(RawHttp.errorCode(curl.get("/" + bucket + "/nope"))).isEqualTo("NoSuchKey");
        assertThat(RawHttp.errorCode(curl.get("/no-such-bucket-here/nope"))).isEqualTo("NoSuchBucket");
    }

    @Test
    void deletingABucketWithObjectsIsBucketNotEmpty() {
        String bucket = mocks3.newBucket("full");
        curl.send("PUT", "/" + bucket + "/k", "x");
        HttpResponse<String> response = curl.send("DELETE", "/" + bucket, null);
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(RawHttp.errorCode(response)).isEqualTo("BucketNotEmpty");
    }

    @Test
    void unsupportedSubResourceIsNotImplementedNotAPlainListing() {
        String bucket = mocks3.newBucket("subres");
        HttpResponse<String> response = curl.get("/" + bucket + "?torrent");
        assertThat(response.statusCode()).isEqualTo(501);
        assertThat(RawHttp.errorCode(response)).isEqualTo("NotImplemented");
    }

    @Test
    void malformedDeleteObjectsBodyIsMalformedXml() {
        String bucket = mocks3.newBucket("malformed");
        HttpResponse<String> response = curl.send("POST", "/" + bucket + "?delete", "<Delete><Object><Key>a</Key>");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).isEqualTo("MalformedXML");
    }

    @Test
    void keyLongerThan1024BytesIsKeyTooLongError() {
        String bucket = mocks3.newBucket("longkey");
        HttpResponse<String> response = curl.send("PUT", "/" + bucket + "/" + "k".repeat(1025), "x");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).isEqualTo("KeyTooLongError");
    }

    @Test
    void userMetadataOver2KbIsMetadataTooLargeAndStoresNothing() {
        String bucket = mocks3.newBucket("bigmeta");
        // names and values count in UTF-8 bytes: "big" and 2045 bytes make exactly 2 KB, which S3 accepts
        mocks3.s3().putObject(b -> b.bucket(bucket).key("fits").metadata(java.util.Map.of("big", "v".repeat(2045))),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("fits")).metadata().get("big")).hasSize(2045);

        java.util.Map<String, String> tooLarge = java.util.Map.of("big", "v".repeat(2044), "e2", "x");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("over")
                        .metadata(tooLarge), software.amazon.awssdk.core.sync.RequestBody.fromString("x")))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.s3.model.S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge");
                });
        assertThat(curl.get("/" + bucket + "/over").statusCode()).isEqualTo(404);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> mocks3.s3().createMultipartUpload(b -> b.bucket(bucket)
                        .key("over").metadata(tooLarge)))
                .isInstanceOfSatisfying(software.amazon.awssdk.services.s3.model.S3Exception.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MetadataTooLarge"));
    }

    @Test
    void wrongContentMd5IsBadDigestAndStoresNothing() {
        String bucket = mocks3.newBucket("digest");
        HttpResponse<String> response = curl.send("PUT", "/" + bucket + "/d.txt", "hello",
                "Content-MD5", "AAAAAAAAAAAAAAAAAAAAAA==");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).isEqualTo("BadDigest");
        assertThat(curl.get("/" + bucket + "/d.txt").statusCode()).isEqualTo(404);
    }

    @Test
    void forgedSignatureIsSignatureDoesNotMatch() {
        String bucket = mocks3.newBucket("badsig");
        java.time.Instant now = java.time.Instant.now();
        String amzDate = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now);
        HttpResponse<String> response = curl.get("/" + bucket + "/",
                "x-amz-date", amzDate,
                "x-amz-content-sha256", "UNSIGNED-PAYLOAD",
                "Authorization", "AWS4-HMAC-SHA256 Credential=test/" + amzDate.substring(0, 8) + "/us-east-1/s3/aws4_request, "
                        + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + "0".repeat(64));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(response)).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void unknownAccessKeyIsInvalidAccessKeyId() {
        var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(mocks3.endpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("nobody", "secret")))
                .build();
        var error = org.assertj.core.api.Assertions.catchThrowableOfType(
                software.amazon.awssdk.services.s3.model.S3Exception.class, s3::listBuckets);
        assertThat(error.statusCode()).isEqualTo(403);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidAccessKeyId");
    }
}
