package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Objects through the AWS SDK for Java v2 with its defaults: SigV4, aws-chunked bodies with CRC32 trailers. */
class SdkObjectsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void syncClientRoundTripsBytesMetadataAndHeaders() {
        String bucket = mocks3.newBucket("sdk-sync");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("dir/a b+c.txt").contentType("text/plain")
                        .metadata(Map.of("colour", "blue")).cacheControl("max-age=60").contentDisposition("inline"),
                RequestBody.fromString("hello sdk"));
        ResponseBytes<GetObjectResponse> got = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("dir/a b+c.txt"));
        assertThat(got.asUtf8String()).isEqualTo("hello sdk");
        assertThat(got.response().contentType()).isEqualTo("text/plain");
        assertThat(got.response().metadata()).containsEntry("colour", "blue");
        assertThat(got.response().cacheControl()).isEqualTo("max-age=60");
        assertThat(got.response().contentDisposition()).isEqualTo("inline");
        assertThat(got.response().eTag()).isEqualTo("\"" + md5Hex("hello sdk") + "\"");
    }

    @Test
    void asyncClientRoundTripsBytes() {
        String bucket = mocks3.newBucket("sdk-async");
        byte[] payload = new byte[300_000];
        new java.util.Random(7).nextBytes(payload);
        mocks3.s3Async().putObject(b -> b.bucket(bucket).key("blob.bin"), AsyncRequestBody.fromBytes(payload)).join();
        byte[] back = mocks3.s3Async().getObject(b -> b.bucket(bucket).key("blob.bin"), AsyncResponseTransformer.toBytes())
                .join().asByteArray();
        assertThat(back).isEqualTo(payload);
    }

    @Test
    void wholeObjectReadsCarryACrc32ThatTheSdkValidatesAndRangedReadsDoNot() {
        String bucket = mocks3.newBucket("checksums");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("c"), RequestBody.fromString("checksum me"));
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update("checksum me".getBytes(StandardCharsets.UTF_8));
        String expected = java.util.Base64.getEncoder().encodeToString(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        GetObjectResponse whole = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)).response();
        assertThat(whole.checksumCRC32()).isEqualTo(expected);
        GetObjectResponse ranged = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").range("bytes=0-3")
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED)).response();
        assertThat(ranged.checksumCRC32()).isNull();
    }

    @Test
    void rangesAnswer206AndAnUnsatisfiableRangeIs416() {
        String bucket = mocks3.newBucket("ranges");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("r"), RequestBody.fromString("0123456789"));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=2-4")).asUtf8String()).isEqualTo("234");
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=7-")).asUtf8String()).isEqualTo("789");
        ResponseBytes<GetObjectResponse> suffix = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=-3"));
        assertThat(suffix.asUtf8String()).isEqualTo("789");
        assertThat(suffix.response().contentRange()).isEqualTo("bytes 7-9/10");
        S3Exception error = catchThrowableOfType(S3Exception.class,
                () -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("r").range("bytes=10-")));
        assertThat(error.statusCode()).isEqualTo(416);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
    }

    @Test
    void conditionalReadsFollowS3Precedence() throws Exception {
        String bucket = mocks3.newBucket("conditions");
        String etag = mocks3.s3().putObject(b -> b.bucket(bucket).key("c"), RequestBody.fromString("v1")).eTag();
        Instant past = Instant.now().minusSeconds(3600);
        Instant future = Instant.now().plusSeconds(3600);

        assertThat(status(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").ifNoneMatch(etag)))).isEqualTo(304);
        assertThat(status(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").ifMatch("\"nope\"")))).isEqualTo(412);
        assertThat(status(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").ifModifiedSince(future)))).isEqualTo(304);
        assertThat(status(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").ifUnmodifiedSince(past)))).isEqualTo(412);
        // a 304 carries the object's ETag and Last-Modified, as S3's does
        var notModified = mocks3.http().send(java.net.http.HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/c"))
                .header("If-None-Match", etag).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
        assertThat(notModified.headers().firstValue("Last-Modified")).hasValue(
                mocks3.s3().headObject(b -> b.bucket(bucket).key("c")).sdkHttpResponse().firstMatchingHeader("Last-Modified").orElseThrow());
        // the date is read by its day, whatever weekday name it carries (7 July 2010 was a Wednesday)
        var wrongWeekday = mocks3.http().send(java.net.http.HttpRequest.newBuilder(mocks3.uri("/" + bucket + "/c"))
                .header("If-Unmodified-Since", "Tue, 07 Jul 2010 21:53:04 GMT").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(wrongWeekday.statusCode()).isEqualTo(412);
        assertThat(wrongWeekday.headers().firstValue("Date")).hasValueSatisfying(date ->
                assertThat(date).as("a two-digit day, as S3 writes it").matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} .*"));
        // a matching If-Match wins over a failing If-Unmodified-Since
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").ifMatch(etag).ifUnmodifiedSince(past))
                .asUtf8String()).isEqualTo("v1");
        // a non-matching If-None-Match wins over a failing If-Modified-Since
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").ifNoneMatch("\"other\"").ifModifiedSince(future))
                .asUtf8String()).isEqualTo("v1");
    }

    @Test
    void responseContentOverridesReplaceStoredHeaders() {
        String bucket = mocks3.newBucket("overrides");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("o").contentType("text/plain"), RequestBody.fromString("x"));
        GetObjectResponse response = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("o")
                .responseContentType("application/json").responseContentDisposition("attachment; filename=o.json")).response();
        assertThat(response.contentType()).isEqualTo("application/json");
        assertThat(response.contentDisposition()).isEqualTo("attachment; filename=o.json");
    }

    @Test
    void copyKeepsOrReplacesMetadataAndChecksTheSourceConditions() {
        String bucket = mocks3.newBucket("copy");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("src").contentType("text/plain").metadata(Map.of("k", "v")),
                RequestBody.fromString("copy me"));
        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("kept"));
        var kept = mocks3.s3().headObject(b -> b.bucket(bucket).key("kept"));
        assertThat(kept.metadata()).containsEntry("k", "v");
        assertThat(kept.contentType()).isEqualTo("text/plain");

        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE).contentType("application/x-new").metadata(Map.of("n", "1")));
        var replaced = mocks3.s3().headObject(b -> b.bucket(bucket).key("replaced"));
        assertThat(replaced.metadata()).containsOnlyKeys("n");
        assertThat(replaced.contentType()).isEqualTo("application/x-new");
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("replaced")).asUtf8String()).isEqualTo("copy me");

        assertThat(status(() -> mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("never").copySourceIfMatch("\"different\"")))).isEqualTo(412);
        assertThat(status(() -> mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket)
                .destinationKey("src")))).isEqualTo(400);
    }

    @Test
    void presignedUrlsWorkForPutAndGet() throws Exception {
        String bucket = mocks3.newBucket("presign");
        try (var presigner = mocks3.presigner()) {
            var put = presigner.presignPutObject(b -> b.signatureDuration(java.time.Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket(bucket).key("p.txt")));
            var upload = mocks3.http().send(java.net.http.HttpRequest.newBuilder(put.url().toURI())
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("presigned")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).isEqualTo(200);
            var get = presigner.presignGetObject(b -> b.signatureDuration(java.time.Duration.ofMinutes(5))
                    .getObjectRequest(r -> r.bucket(bucket).key("p.txt")));
            var download = mocks3.http().send(java.net.http.HttpRequest.newBuilder(get.url().toURI()).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(download.body()).isEqualTo("presigned");
            var tampered = mocks3.http().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(get.url().toString().replace("p.txt", "q.txt"))).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(tampered.statusCode()).isEqualTo(403);
        }
    }

    static int status(Runnable call) {
        S3Exception error = catchThrowableOfType(S3Exception.class, call::run);
        assertThat(error).as("expected an S3 error").isNotNull();
        return error.statusCode();
    }

    static String md5Hex(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
