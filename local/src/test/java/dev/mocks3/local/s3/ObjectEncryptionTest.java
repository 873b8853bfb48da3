package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.state.metadata.ObjectStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/** SSE-S3, SSE-KMS and SSE-C headers, and bucket default encryption, through the AWS SDK for Java v2. */
class ObjectEncryptionTest {
    private static final String KMS_KEY = "arn:aws:kms:us-east-1:111122223333:key/test-key";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void sseS3IsEchoedOnPutGetHeadAndCopy() {
        String bucket = mocks3.newBucket("sse-s3");
        PutObjectResponse put = mocks3.s3().putObject(b -> b.bucket(bucket).key("k").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("secret"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).response().serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("k")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        var copy = mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket).destinationKey("plain"));
        assertThat(copy.serverSideEncryption()).as("a copy takes its encryption from its own request").isNull();
        var encryptedCopy = mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k").destinationBucket(bucket)
                .destinationKey("kms").serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY));
        assertThat(encryptedCopy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(encryptedCopy.ssekmsKeyId()).isEqualTo(KMS_KEY);
    }

    @Test
    void sseKmsKeyIdAndBucketKeyAreStoredAndEchoed() {
        String bucket = mocks3.newBucket("sse-kms");
        PutObjectResponse put = mocks3.s3().putObject(b -> b.bucket(bucket).key("k").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(KMS_KEY).bucketKeyEnabled(true), RequestBody.fromString("secret"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(put.bucketKeyEnabled()).isTrue();
        HeadObjectResponse head = mocks3.s3().headObject(b -> b.bucket(bucket).key("k"));
        assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(head.bucketKeyEnabled()).isTrue();
    }

    @Test
    void kmsKeyIdOfAWriteIsAPolicyConditionKey() {
        String bucket = mocks3.newBucket("sse-kms-policy");
        mocks3.s3().putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:PutObject",
                 "Resource":"arn:aws:s3:::%s/*",
                 "Condition":{"StringNotEquals":{"s3:x-amz-server-side-encryption-aws-kms-key-id":"%s"}}}]}""".formatted(bucket, KMS_KEY)));

        mocks3.s3().putObject(b -> b.bucket(bucket).key("right-key").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(KMS_KEY), RequestBody.fromString("r"));
        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("other-key").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId(KMS_KEY + "-other"), RequestBody.fromString("o")), 403, "AccessDenied");
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("right-key")).ssekmsKeyId()).isEqualTo(KMS_KEY);
    }

    @Test
    void unknownAlgorithmAndKmsKeyWithoutKmsAreInvalidArgument() {
        String bucket = mocks3.newBucket("sse-bad");
        RawHttp raw = new RawHttp(mocks3);
        var unknown = raw.send("PUT", "/" + bucket + "/k", "x", "x-amz-server-side-encryption", "AES512");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(unknown)).isEqualTo("InvalidArgument");
        assertThatThrownBy(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("k").ssekmsKeyId(KMS_KEY)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        assertThatThrownBy(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("k"))).isInstanceOf(S3Exception.class);
    }

    @Test
    void getOrHeadNamingAnEncryptionMethodIsInvalidArgument() {
        String bucket = mocks3.newBucket("sse-read");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("secret"));
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")
                .overrideConfiguration(o -> o.putHeader("x-amz-server-side-encryption", "aws:kms")
                        .putHeader("x-amz-server-side-encryption-aws-kms-key-id", KMS_KEY))), 400, "InvalidArgument");
        assertThat(catchStatus(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("k")
                .overrideConfiguration(o -> o.putHeader("x-amz-server-side-encryption", "AES256"))))).isEqualTo(400);
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String())
                .as("without the header the object is served").isEqualTo("secret");
    }

    @Test
    void bucketDefaultEncryptionAppliesToWritesWithoutHeadersAndCanBeRemoved() {
        String bucket = mocks3.newBucket("sse-default");
        assertError(() -> mocks3.s3().getBucketEncryption(b -> b.bucket(bucket)), 404, "ServerSideEncryptionConfigurationNotFoundError");
        mocks3.s3().putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(
                ServerSideEncryptionRule.builder().applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(KMS_KEY)).bucketKeyEnabled(true).build())));
        GetBucketEncryptionResponse stored = mocks3.s3().getBucketEncryption(b -> b.bucket(bucket));
        ServerSideEncryptionRule rule = stored.serverSideEncryptionConfiguration().rules().get(0);
        assertThat(rule.applyServerSideEncryptionByDefault().sseAlgorithm()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo(KMS_KEY);
        assertThat(rule.bucketKeyEnabled()).isTrue();

        PutObjectResponse byDefault = mocks3.s3().putObject(b -> b.bucket(bucket).key("d"), RequestBody.fromString("x"));
        assertThat(byDefault.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(byDefault.ssekmsKeyId()).isEqualTo(KMS_KEY);
        PutObjectResponse ownHeader = mocks3.s3().putObject(b -> b.bucket(bucket).key("own").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("x"));
        assertThat(ownHeader.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(ownHeader.ssekmsKeyId()).isNull();

        mocks3.s3().deleteBucketEncryption(b -> b.bucket(bucket));
        assertError(() -> mocks3.s3().getBucketEncryption(b -> b.bucket(bucket)), 404, "ServerSideEncryptionConfigurationNotFoundError");
        assertThat(mocks3.s3().putObject(b -> b.bucket(bucket).key("after"), RequestBody.fromString("x")).serverSideEncryption()).isNull();
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("d")).serverSideEncryption())
                .as("objects keep the encryption they were written with").isEqualTo(ServerSideEncryption.AWS_KMS);
    }

    @Test
    void malformedBucketEncryptionIsRefused() {
        String bucket = mocks3.newBucket("sse-malformed");
        RawHttp raw = new RawHttp(mocks3);
        var response = raw.send("PUT", "/" + bucket + "?encryption", "<ServerSideEncryptionConfiguration><Rule>"
                + "<ApplyServerSideEncryptionByDefault><SSEAlgorithm>ROT13</SSEAlgorithm></ApplyServerSideEncryptionByDefault>"
                + "</Rule></ServerSideEncryptionConfiguration>");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(response)).isEqualTo("MalformedXML");
    }

    @Test
    void multipartUploadCarriesItsEncryptionThroughEveryStep() {
        String bucket = mocks3.newBucket("sse-multipart");
        CreateMultipartUploadResponse created = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("big")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY));
        assertThat(created.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(created.ssekmsKeyId()).isEqualTo(KMS_KEY);
        UploadPartResponse part = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("big").uploadId(created.uploadId()).partNumber(1),
                RequestBody.fromString("only part"));
        assertThat(part.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        var completed = mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(created.uploadId())
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(part.eTag()).build())));
        assertThat(completed.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(completed.ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("big")).ssekmsKeyId()).isEqualTo(KMS_KEY);
    }

    @Test
    void sseCObjectIsServedOnlyWithItsKey() {
        String bucket = mocks3.newBucket("sse-c");
        CustomerKey key = CustomerKey.random();
        CustomerKey other = CustomerKey.random();
        PutObjectResponse put = mocks3.s3().putObject(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5()), RequestBody.fromString("for my eyes only"));
        assertThat(put.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(put.sseCustomerKeyMD5()).isEqualTo(key.md5());

        var got = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5()));
        assertThat(got.asUtf8String()).isEqualTo("for my eyes only");
        assertThat(got.response().sseCustomerKeyMD5()).isEqualTo(key.md5());

        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c")), 400, "InvalidRequest");
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(other.base64()).sseCustomerKeyMD5(other.md5())), 403, "AccessDenied");
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(other.md5())), 400, "InvalidArgument");
        assertThat(catchStatus(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("c")))).isEqualTo(400);
        assertThat(catchStatus(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(other.base64()).sseCustomerKeyMD5(other.md5())))).isEqualTo(403);
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5())).sseCustomerAlgorithm()).isEqualTo("AES256");
    }

    @Test
    void sseCKeyItselfIsNeverStored() {
        String bucket = mocks3.newBucket("sse-c-stored");
        CustomerKey key = CustomerKey.random();
        mocks3.s3().putObject(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5()), RequestBody.fromString("x"));
        var stored = mocks3.bean(ObjectStore.class).find(bucket, "c").block();
        assertThat(stored.headers().toString()).doesNotContain(key.base64()).contains(key.md5());
    }

    @Test
    void sseCMismatchedMd5OnPutIsInvalidArgumentAndStoresNothing() {
        String bucket = mocks3.newBucket("sse-c-md5");
        CustomerKey key = CustomerKey.random();
        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(CustomerKey.random().md5()), RequestBody.fromString("x")),
                400, "InvalidArgument");
        assertThat(catchStatus(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("c")))).isEqualTo(404);
    }

    @Test
    void copyingAnSseCObjectNeedsTheSourceKey() {
        String bucket = mocks3.newBucket("sse-c-copy");
        CustomerKey key = CustomerKey.random();
        mocks3.s3().putObject(b -> b.bucket(bucket).key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5()), RequestBody.fromString("copied"));
        assertError(() -> mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("c").destinationBucket(bucket)
                .destinationKey("stolen")), 400, "InvalidRequest");
        assertThat(catchStatus(() -> mocks3.s3().headObject(b -> b.bucket(bucket).key("stolen")))).isEqualTo(404);

        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("c").destinationBucket(bucket).destinationKey("plain")
                .copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(key.base64())
                .copySourceSSECustomerKeyMD5(key.md5()));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("plain")).asUtf8String()).isEqualTo("copied");
    }

    @Test
    void sseCMultipartPartsNeedTheUploadsKey() {
        String bucket = mocks3.newBucket("sse-c-parts");
        CustomerKey key = CustomerKey.random();
        CustomerKey other = CustomerKey.random();
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("m").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5())).uploadId();
        assertError(() -> mocks3.s3().uploadPart(b -> b.bucket(bucket).key("m").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("p")), 400, "InvalidRequest");
        assertError(() -> mocks3.s3().uploadPart(b -> b.bucket(bucket).key("m").uploadId(uploadId).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(other.base64()).sseCustomerKeyMD5(other.md5()),
                RequestBody.fromString("p")), 403, "AccessDenied");
        UploadPartResponse part = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("m").uploadId(uploadId).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5()), RequestBody.fromString("p"));
        assertThat(part.sseCustomerKeyMD5()).isEqualTo(key.md5());
        mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("m").uploadId(uploadId)
                .multipartUpload(m -> m.parts(List.of(CompletedPart.builder().partNumber(1).eTag(part.eTag()).build()))));
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("m")), 400, "InvalidRequest");
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("m").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5())).asUtf8String()).isEqualTo("p");
    }

    static void assertError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    /** The status of a failed call whose answer has no body (HEAD). */
    static int catchStatus(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (S3Exception e) {
            return e.statusCode();
        }
    }

    /** A random SSE-C key with its MD5, both base64 as the headers carry them. */
    record CustomerKey(String base64, String md5) {
        static CustomerKey random() {
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            try {
                return new CustomerKey(Base64.getEncoder().encodeToString(key),
                        Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(key)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
