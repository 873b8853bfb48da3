package dev.mocks3.local.s3;

import static dev.mocks3.local.StrictMockS3.KEY_A;
import static dev.mocks3.local.StrictMockS3.KEY_B;
import static dev.mocks3.local.StrictMockS3.SECRET_A;
import static dev.mocks3.local.StrictMockS3.SECRET_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.StrictMockS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Strict mode: signatures cover every x-amz-* header, and one access key cannot reach another's buckets. */
class StrictModeIsolationTest {
    private static StrictMockS3 mocks3;
    private static S3Client a;
    private static S3Client b;

    @BeforeAll
    static void start() {
        mocks3 = new StrictMockS3();
        a = mocks3.client(KEY_A, SECRET_A);
        b = mocks3.client(KEY_B, SECRET_B);
    }

    @AfterAll
    static void stop() {
        mocks3.close();
    }

    private static String bucketOfA(String purpose) {
        String bucket = MockS3Fixture.uniqueBucket(purpose);
        a.createBucket(r -> r.bucket(bucket));
        a.putObject(r -> r.bucket(bucket).key("secret.txt"), RequestBody.fromString("top secret"));
        return bucket;
    }

    @Test
    void signedEmptyPutWithAnUnsignedCopySourceIsRefusedAndCopiesNothing() {
        String bucket = bucketOfA("copy-attack");
        HttpResponse<String> r = mocks3.signed(KEY_A, SECRET_A, "s3").send("PUT", mocks3.s3("/" + bucket + "/stolen.txt"),
                "", Map.of(), Map.of("x-amz-copy-source", "/" + bucket + "/secret.txt"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(r)).isEqualTo("AccessDenied");
        assertThat(r.body()).contains("<HeadersNotSigned>x-amz-copy-source</HeadersNotSigned>");
        assertThatThrownBy(() -> a.headObject(h -> h.bucket(bucket).key("stolen.txt")))
                .isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void unsignedMetadataHeadersAreRefused() {
        String bucket = bucketOfA("meta-attack");
        HttpResponse<String> r = mocks3.signed(KEY_A, SECRET_A, "s3").send("PUT", mocks3.s3("/" + bucket + "/m.txt"),
                "body", Map.of("x-amz-meta-signed", "yes"), Map.of("x-amz-meta-injected", "evil"));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("<HeadersNotSigned>x-amz-meta-injected</HeadersNotSigned>");
        assertThatThrownBy(() -> a.headObject(h -> h.bucket(bucket).key("m.txt"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void presignedUrlWithAnUnsignedAmzHeaderIsRefused() throws Exception {
        String bucket = bucketOfA("presigned-attack");
        try (S3Presigner presigner = S3Presigner.builder().endpointOverride(mocks3.s3("")).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_A, SECRET_A)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            var url = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(o -> o.bucket(bucket).key("p.txt"))).url();
            HttpResponse<String> r = mocks3.http().send(HttpRequest.newBuilder(url.toURI())
                    .PUT(HttpRequest.BodyPublishers.noBody())
                    .header("x-amz-copy-source", "/" + bucket + "/secret.txt").build(), HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.body()).contains("<HeadersNotSigned>x-amz-copy-source</HeadersNotSigned>");
        }
        assertThatThrownBy(() -> a.headObject(h -> h.bucket(bucket).key("p.txt"))).isInstanceOf(NoSuchKeyException.class);
    }

    @Test
    void anotherKeyCannotListReadWriteDeleteOrCopyFromTheBucket() {
        String bucket = bucketOfA("isolated");
        String bOwn = MockS3Fixture.uniqueBucket("b-own");
        b.createBucket(r -> r.bucket(bOwn));
        String upload = b.createMultipartUpload(r -> r.bucket(bOwn).key("part-copy")).uploadId();

        assertAccessDenied(() -> b.headBucket(r -> r.bucket(bucket)));
        assertAccessDenied(() -> b.listObjectsV2(r -> r.bucket(bucket)));
        assertAccessDenied(() -> b.listObjects(r -> r.bucket(bucket)));
        assertAccessDenied(() -> b.getObject(r -> r.bucket(bucket).key("secret.txt")));
        assertAccessDenied(() -> b.headObject(r -> r.bucket(bucket).key("secret.txt")));
        assertAccessDenied(() -> b.putObject(r -> r.bucket(bucket).key("planted.txt"), RequestBody.fromString("x")));
        assertAccessDenied(() -> b.createMultipartUpload(r -> r.bucket(bucket).key("planted.txt")));
        assertAccessDenied(() -> b.deleteObject(r -> r.bucket(bucket).key("secret.txt")));
        assertAccessDenied(() -> b.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(o -> o.key("secret.txt")))));
        assertAccessDenied(() -> b.deleteBucket(r -> r.bucket(bucket)));
        assertAccessDenied(() -> b.copyObject(r -> r.sourceBucket(bucket).sourceKey("secret.txt")
                .destinationBucket(bOwn).destinationKey("copied.txt")));
        assertAccessDenied(() -> b.uploadPartCopy(r -> r.sourceBucket(bucket).sourceKey("secret.txt")
                .destinationBucket(bOwn).destinationKey("part-copy").uploadId(upload).partNumber(1)));

        assertThat(a.getObjectAsBytes(r -> r.bucket(bucket).key("secret.txt")).asUtf8String()).isEqualTo("top secret");
        assertThat(a.listObjectsV2(r -> r.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly("secret.txt");
        assertThat(b.listObjectsV2(r -> r.bucket(bOwn)).contents()).isEmpty();
    }

    @Test
    void creatingABucketAnotherKeyOwnsIsBucketAlreadyExists() {
        String bucket = bucketOfA("taken");

        assertThatThrownBy(() -> b.createBucket(r -> r.bucket(bucket))).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists");
        });
        // its owner creating it again in us-east-1 is 200, as on S3
        assertThat(a.createBucket(r -> r.bucket(bucket)).sdkHttpResponse().statusCode()).isEqualTo(200);
    }

    @Test
    void listBucketsShowsOnlyTheCallersOwnBuckets() {
        String ofA = bucketOfA("listed-a");
        String ofB = MockS3Fixture.uniqueBucket("listed-b");
        b.createBucket(r -> r.bucket(ofB));

        assertThat(a.listBuckets().buckets()).extracting(Bucket::name).contains(ofA).doesNotContain(ofB);
        assertThat(b.listBuckets().buckets()).extracting(Bucket::name).contains(ofB).doesNotContain(ofA);
    }

    private static void assertAccessDenied(Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            if (e.awsErrorDetails().errorCode() != null) {
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            }
        });
    }

    @Test
    void aFormSignedByAnotherKeyCannotUploadIntoTheBucketNorCanAnUnsignedOne() {
        String bucket = bucketOfA("form");
        PolicySigner policy = new PolicySigner().condition("{\"bucket\":\"" + bucket + "\"}").condition("{\"key\":\"form.txt\"}");
        HttpResponse<String> byB = new BrowserForm().field("key", "form.txt").fields(policy.sigV4(KEY_B, SECRET_B))
                .post(mocks3.http(), mocks3.s3("/" + bucket));
        assertThat(byB.statusCode()).isEqualTo(403);
        assertThat(RawHttp.errorCode(byB)).isEqualTo("AccessDenied");
        HttpResponse<String> unsigned = new BrowserForm().field("key", "form.txt").post(mocks3.http(), mocks3.s3("/" + bucket));
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThatThrownBy(() -> a.headObject(r -> r.bucket(bucket).key("form.txt"))).isInstanceOf(NoSuchKeyException.class);

        HttpResponse<String> byA = new BrowserForm().field("key", "form.txt").fields(policy.sigV4(KEY_A, SECRET_A))
                .post(mocks3.http(), mocks3.s3("/" + bucket));
        assertThat(byA.statusCode()).as(byA.body()).isEqualTo(204);
        assertThat(a.getObjectAsBytes(r -> r.bucket(bucket).key("form.txt")).asUtf8String()).isEqualTo("hello form");
    }
}
