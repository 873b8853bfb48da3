package dev.mocks3.local.s3;

import static dev.mocks3.local.s3.ObjectEncryptionTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.s3.ObjectEncryptionTest.CustomerKey;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The errors S3 answers for configuration and encryption requests it refuses, and for missing buckets and keys. */
class BucketConfigurationErrorsTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final RawHttp raw = new RawHttp(mocks3);

    @Test
    void everyConfigurationOfAMissingBucketIsNoSuchBucket() {
        String missing = MockS3Fixture.uniqueBucket("missing");
        assertError(() -> mocks3.s3().getBucketAcl(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().putBucketAcl(b -> b.bucket(missing).acl(BucketCannedACL.PRIVATE)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().getBucketCors(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().putBucketCors(b -> b.bucket(missing).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build()))), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().getBucketPolicy(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().deleteBucketPolicy(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().getPublicAccessBlock(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().getBucketOwnershipControls(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().getBucketEncryption(b -> b.bucket(missing)), 404, "NoSuchBucket");
        assertError(() -> mocks3.s3().putObject(b -> b.bucket(missing).key("k").serverSideEncryption(ServerSideEncryption.AES256),
                RequestBody.fromString("x")), 404, "NoSuchBucket");
    }

    @Test
    void putObjectAclOfAMissingKeyIsNoSuchKey() {
        String bucket = mocks3.newBucket("acl-missing-key");
        assertError(() -> mocks3.s3().putObjectAcl(b -> b.bucket(bucket).key("nothing")
                .acl(software.amazon.awssdk.services.s3.model.ObjectCannedACL.PUBLIC_READ)), 404, "NoSuchKey");
    }

    @Test
    void malformedConfigurationDocumentsAreRefusedAndNothingIsStored() {
        String bucket = mocks3.newBucket("config-malformed");
        assertRefused(raw.send("PUT", "/" + bucket + "?cors", "<CORSConfiguration><CORSRule><AllowedMethod>GET</AllowedMethod>"
                + "</CORSRule></CORSConfiguration>"), 400, "MalformedXML");
        assertRefused(raw.send("PUT", "/" + bucket + "?publicAccessBlock", "<PublicAccessBlockConfiguration>"
                + "<BlockPublicAcls>sometimes</BlockPublicAcls></PublicAccessBlockConfiguration>"), 400, "MalformedXML");
        assertRefused(raw.send("PUT", "/" + bucket + "?ownershipControls", "<OwnershipControls><Rule>"
                + "<ObjectOwnership>Everyone</ObjectOwnership></Rule></OwnershipControls>"), 400, "MalformedXML");
        assertRefused(raw.send("PUT", "/" + bucket + "?acl", "<AccessControlPolicy><AccessControlList><Grant>"
                + "<Permission>EVERYTHING</Permission></Grant></AccessControlList></AccessControlPolicy>"), 400, "MalformedACLError");
        assertRefused(raw.send("PUT", "/" + bucket + "?acl", ""), 400, "MalformedACLError");

        assertError(() -> mocks3.s3().getBucketCors(b -> b.bucket(bucket)), 404, "NoSuchCORSConfiguration");
        assertError(() -> mocks3.s3().getPublicAccessBlock(b -> b.bucket(bucket)), 404, "NoSuchPublicAccessBlockConfiguration");
        assertError(() -> mocks3.s3().getBucketOwnershipControls(b -> b.bucket(bucket)), 404, "OwnershipControlsNotFoundError");
    }

    @Test
    void sseCHeadersThatCannotApplyAreRefused() {
        String bucket = mocks3.newBucket("sse-c-errors");
        CustomerKey key = CustomerKey.random();
        assertError(() -> mocks3.s3().putObject(b -> b.bucket(bucket).key("both").serverSideEncryption(ServerSideEncryption.AES256)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5()),
                RequestBody.fromString("x")), 400, "InvalidArgument");
        assertRefused(raw.send("PUT", "/" + bucket + "/des", "x", "x-amz-server-side-encryption-customer-algorithm", "DES",
                "x-amz-server-side-encryption-customer-key", key.base64(),
                "x-amz-server-side-encryption-customer-key-MD5", key.md5()), 400, "InvalidEncryptionAlgorithmError");
        assertRefused(raw.send("PUT", "/" + bucket + "/short", "x", "x-amz-server-side-encryption-customer-algorithm", "AES256",
                "x-amz-server-side-encryption-customer-key", "c2hvcnQ=",
                "x-amz-server-side-encryption-customer-key-MD5", key.md5()), 400, "InvalidArgument");

        mocks3.s3().putObject(b -> b.bucket(bucket).key("plain"), RequestBody.fromString("x"));
        assertError(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("plain").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(key.base64()).sseCustomerKeyMD5(key.md5())), 400, "InvalidRequest");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(RawHttp.errorCode(response)).isEqualTo(code);
    }
}
