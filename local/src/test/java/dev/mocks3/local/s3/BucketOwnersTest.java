package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.core.auth.AccountId;
import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.BucketLocationConstraint;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ListBucketsResponse;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Buckets belong to the key that created them (an unsigned request acts as the default key,
 * {@code test}), even in open mode: creating one again, x-amz-expected-bucket-owner, Owner elements.
 */
class BucketOwnersTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client other = mocks3.client(MockS3Fixture.OTHER_KEY, MockS3Fixture.OTHER_SECRET);
    private final RawHttp curl = new RawHttp(mocks3);

    @Test
    void creatingYourOwnBucketAgainInUsEast1Is200() {
        String bucket = mocks3.newBucket("again");
        assertThat(mocks3.s3().createBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(mocks3.s3().headBucket(b -> b.bucket(bucket)).bucketRegion()).isEqualTo("us-east-1");
    }

    @Test
    void creatingYourOwnBucketAgainInUsEast1ResetsItsAcl() {
        String bucket = MockS3Fixture.uniqueBucket("again-acl");
        mocks3.s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));

        mocks3.s3().createBucket(b -> b.bucket(bucket));
        assertThat(mocks3.s3().getBucketAcl(b -> b.bucket(bucket)).grants()).extracting(Grant::permission)
                .as("created again without x-amz-acl: private").containsExactly(Permission.FULL_CONTROL);

        mocks3.s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        assertThat(mocks3.s3().getBucketAcl(b -> b.bucket(bucket)).grants()).extracting(Grant::permission)
                .containsExactlyInAnyOrder(Permission.FULL_CONTROL, Permission.READ, Permission.WRITE);
    }

    @Test
    void creatingYourOwnBucketAgainCannotSetAnAclItsPublicAccessBlockRefuses() {
        String bucket = mocks3.newBucket("again-blocked");
        mocks3.s3().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)));
        assertThatThrownBy(() -> mocks3.s3().createBucket(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ)))
                .as("as PutBucketAcl would").isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(mocks3.s3().getBucketAcl(b -> b.bucket(bucket)).grants()).extracting(Grant::permission)
                .containsExactly(Permission.FULL_CONTROL);
    }

    @Test
    void creatingYourOwnBucketAgainElsewhereIsBucketAlreadyOwnedByYou() {
        String bucket = MockS3Fixture.uniqueBucket("again-eu");
        mocks3.s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1)));
        assertThatThrownBy(() -> mocks3.s3().createBucket(b -> b.bucket(bucket)
                .createBucketConfiguration(c -> c.locationConstraint(BucketLocationConstraint.EU_WEST_1))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyOwnedByYou");
                });
    }

    @Test
    void creatingABucketAnotherKeyOwnsIsBucketAlreadyExists() {
        String bucket = mocks3.newBucket("taken");
        assertThatThrownBy(() -> other.createBucket(b -> b.bucket(bucket))).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists");
        });
    }

    @Test
    void anUnsignedRequestActsAsTheDefaultKey() {
        String bucket = MockS3Fixture.uniqueBucket("curl-made");
        assertThat(curl.send("PUT", "/" + bucket, null).statusCode()).isEqualTo(200);

        assertThat(mocks3.s3().createBucket(b -> b.bucket(bucket)).sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> other.createBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists"));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v"));
        var listed = other.listObjects(b -> b.bucket(bucket)).contents();
        assertThat(listed).singleElement().satisfies(o -> assertThat(o.owner().displayName()).isEqualTo(MockS3Fixture.ACCESS_KEY));

        String initiated = curl.send("POST", "/" + bucket + "/big?uploads", null).body();
        String upload = initiated.substring(initiated.indexOf("<UploadId>") + 10, initiated.indexOf("</UploadId>"));
        assertThat(mocks3.s3().listParts(b -> b.bucket(bucket).key("big").uploadId(upload)).initiator().displayName())
                .isEqualTo(MockS3Fixture.ACCESS_KEY);
    }

    @Test
    void expectedBucketOwnerMustBeTheOwnersAccountId() {
        String bucket = mocks3.newBucket("expected");
        String mine = AccountId.of(MockS3Fixture.ACCESS_KEY);
        String theirs = AccountId.of(MockS3Fixture.OTHER_KEY);
        assertThat(mine).as("the account id docs/s3-operations.md gives the key test").isEqualTo("353665842533");
        assertThat(theirs).matches("\\d{12}").isNotEqualTo(mine);
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").expectedBucketOwner(mine), RequestBody.fromString("v"));

        assertThatThrownBy(() -> mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k").expectedBucketOwner(theirs)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
        assertThatThrownBy(() -> mocks3.s3().listObjectsV2(b -> b.bucket(bucket).expectedBucketOwner(theirs)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(other.listObjectsV2(b -> b.bucket(bucket).expectedBucketOwner(mine)).contents()).hasSize(1);
        String target = mocks3.newBucket("expected-copy");
        assertThatThrownBy(() -> mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("k")
                .destinationBucket(target).destinationKey("k").expectedSourceBucketOwner(theirs)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void listBucketsPagesWithMaxBucketsAndContinuationToken() {
        String prefix = MockS3Fixture.uniqueBucket("pages") + "-";
        List<String> made = List.of(prefix + "a", prefix + "b", prefix + "c");
        made.forEach(name -> mocks3.s3().createBucket(b -> b.bucket(name)));

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            ListBucketsResponse page = mocks3.s3().listBuckets(b -> b.prefix(prefix).maxBuckets(2).continuationToken(current));
            assertThat(page.prefix()).isEqualTo(prefix);
            assertThat(page.buckets()).hasSizeLessThanOrEqualTo(2);
            page.buckets().stream().map(Bucket::name).forEach(seen::add);
            token = page.continuationToken();
            pages++;
        } while (token != null && pages < 5);
        assertThat(seen).containsExactlyElementsOf(made);
        assertThat(pages).isEqualTo(2);
        assertThat(mocks3.s3().listBuckets(b -> b.prefix(prefix).continuationToken("")).buckets()).hasSize(3);

        HttpResponse<String> zero = curl.get("/?max-buckets=0");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(RawHttp.errorCode(zero)).isEqualTo("InvalidArgument");
    }

    @Test
    void listBucketsNamesTheCallerAsOwner() {
        assertThat(other.listBuckets().owner().displayName()).isEqualTo(MockS3Fixture.OTHER_KEY);
        assertThat(curl.get("/").body()).contains("<DisplayName>" + MockS3Fixture.ACCESS_KEY + "</DisplayName>");
    }
}
