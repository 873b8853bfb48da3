package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/** Object and bucket tagging through the AWS SDK for Java v2, with S3's limits and errors. */
class TaggingTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();

    @Test
    void tagsGivenOnPutAreReturnedAndCountedOnGetAndHead() {
        String bucket = mocks3.newBucket("tag-put");
        s3.putObject(b -> b.bucket(bucket).key("k").tagging("project=apollo&stage=flight test"), RequestBody.fromString("x"));

        assertThat(tags(bucket, "k")).containsExactlyInAnyOrderEntriesOf(Map.of("project", "apollo", "stage", "flight test"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).response().tagCount()).isEqualTo(2);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).sdkHttpResponse().firstMatchingHeader("x-amz-tagging-count"))
                .contains("2");
    }

    @Test
    void tagsStayWhenThePutAlsoCarriesAclAndEncryptionHeaders() {
        String bucket = mocks3.newBucket("tag-with-settings");
        // the write settings (ACL, encryption) rebuild the object's draft: the tags must survive that
        s3.putObject(b -> b.bucket(bucket).key("k").tagging("team=ops").acl(ObjectCannedACL.PUBLIC_READ)
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("x"));

        assertThat(tags(bucket, "k")).containsExactlyEntriesOf(Map.of("team", "ops"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void putGetAndDeleteObjectTagging() {
        String bucket = mocks3.newBucket("tag-ops");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        assertThat(tags(bucket, "k")).isEmpty();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).response().tagCount()).isNull();

        s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(tag("colour", "blue"))));
        assertThat(tags(bucket, "k")).containsExactly(Map.entry("colour", "blue"));
        s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(tag("size", "L"))));
        assertThat(tags(bucket, "k")).containsExactly(Map.entry("size", "L"));

        s3.deleteObjectTagging(b -> b.bucket(bucket).key("k"));
        assertThat(tags(bucket, "k")).isEmpty();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("x");
    }

    @Test
    void tagsAreListedInKeyOrderWhateverOrderTheyWereGivenIn() {
        String bucket = mocks3.newBucket("tag-order");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        // keys of different lengths: PostgreSQL's jsonb keeps object keys shortest first (a, c, bb, ee, dddd)
        List<Tag> given = Stream.of("ee", "bb", "dddd", "c", "a").map(key -> tag(key, "v" + key)).toList();
        s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(given)));
        assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("k")).tagSet()).extracting(Tag::key)
                .containsExactly("a", "bb", "c", "dddd", "ee");

        s3.putObject(b -> b.bucket(bucket).key("h").tagging("foo=bar&bar"), RequestBody.fromString("x"));
        assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("h")).tagSet())
                .containsExactly(tag("bar", ""), tag("foo", "bar"));
    }

    @Test
    void tagsBelongToTheVersionTheyWereSetOn() {
        String bucket = mocks3.newBucket("tag-versions");
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
        String v1 = s3.putObject(b -> b.bucket(bucket).key("k").tagging("v=1"), RequestBody.fromString("1")).versionId();
        s3.putObject(b -> b.bucket(bucket).key("k").tagging("v=2"), RequestBody.fromString("2"));

        var put = s3.putObjectTagging(b -> b.bucket(bucket).key("k").versionId(v1).tagging(t -> t.tagSet(tag("v", "one"))));
        assertThat(put.versionId()).isEqualTo(v1);
        var old = s3.getObjectTagging(b -> b.bucket(bucket).key("k").versionId(v1));
        assertThat(old.versionId()).isEqualTo(v1);
        assertThat(old.tagSet()).extracting(Tag::value).containsExactly("one");
        assertThat(tags(bucket, "k")).containsExactly(Map.entry("v", "2"));

        String marker = s3.deleteObject(b -> b.bucket(bucket).key("k")).versionId();
        S3Exception onMarker = catchThrowableOfType(S3Exception.class,
                () -> s3.putObjectTagging(b -> b.bucket(bucket).key("k").versionId(marker).tagging(t -> t.tagSet(tag("a", "b")))));
        assertThat(onMarker.statusCode()).isEqualTo(405);
        S3Exception hidden = catchThrowableOfType(S3Exception.class, () -> s3.getObjectTagging(b -> b.bucket(bucket).key("k")));
        assertThat(hidden.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    }

    @Test
    void taggingAMissingObjectIsNoSuchKey() {
        String bucket = mocks3.newBucket("tag-missing");
        for (Runnable call : List.<Runnable>of(
                () -> s3.getObjectTagging(b -> b.bucket(bucket).key("nothing")),
                () -> s3.putObjectTagging(b -> b.bucket(bucket).key("nothing").tagging(t -> t.tagSet(tag("a", "b")))),
                () -> s3.deleteObjectTagging(b -> b.bucket(bucket).key("nothing")))) {
            S3Exception missing = catchThrowableOfType(S3Exception.class, call::run);
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
        }
    }

    @Test
    void tagsBeyondS3LimitsAreInvalidTag() {
        String bucket = mocks3.newBucket("tag-limits");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(numbered(10))));
        s3.putObjectTagging(b -> b.bucket(bucket).key("k").tagging(t -> t.tagSet(tag("k".repeat(128), "v".repeat(256)))));
        assertThat(tags(bucket, "k")).containsExactly(Map.entry("k".repeat(128), "v".repeat(256)));

        assertInvalidTag(b -> b.tagging(t -> t.tagSet(numbered(11))), bucket);
        assertInvalidTag(b -> b.tagging(t -> t.tagSet(tag("k".repeat(129), "v"))), bucket);
        assertInvalidTag(b -> b.tagging(t -> t.tagSet(tag("k", "v".repeat(257)))), bucket);
        assertInvalidTag(b -> b.tagging(t -> t.tagSet(tag("same", "1"), tag("same", "2"))), bucket);
        assertInvalidTag(b -> b.tagging(t -> t.tagSet(tag("aws:reserved", "1"))), bucket);

        String eleven = IntStream.range(0, 11).mapToObj(i -> "k" + i + "=v").collect(Collectors.joining("&"));
        S3Exception onPut = catchThrowableOfType(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key("other").tagging(eleven), RequestBody.fromString("x")));
        assertThat(onPut.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
        assertThat(tags(bucket, "k")).containsExactly(Map.entry("k".repeat(128), "v".repeat(256)));
    }

    @Test
    void aMultipartUploadGivesItsTagsToTheObject() {
        String bucket = mocks3.newBucket("tag-mpu");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big").tagging("from=upload")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("part")).eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertThat(tags(bucket, "big")).containsExactly(Map.entry("from", "upload"));
    }

    @Test
    void copyKeepsTheSourceTagsOrReplacesThemAsTheDirectiveSays() {
        String bucket = mocks3.newBucket("tag-copy");
        s3.putObject(b -> b.bucket(bucket).key("src").tagging("origin=source"), RequestBody.fromString("x"));

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("copied"));
        assertThat(tags(bucket, "copied")).containsExactly(Map.entry("origin", "source"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("replaced")
                .taggingDirective(TaggingDirective.REPLACE).tagging("origin=copy"));
        assertThat(tags(bucket, "replaced")).containsExactly(Map.entry("origin", "copy"));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").destinationBucket(bucket).destinationKey("cleared")
                .taggingDirective(TaggingDirective.REPLACE));
        assertThat(tags(bucket, "cleared")).isEmpty();

        S3Exception bad = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("src").destinationBucket(bucket).destinationKey("bad").taggingDirective("MERGE")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    }

    @Test
    void bucketTaggingIsStoredReplacedAndDeleted() {
        String bucket = mocks3.newBucket("tag-bucket");
        S3Exception none = catchThrowableOfType(S3Exception.class, () -> s3.getBucketTagging(b -> b.bucket(bucket)));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");

        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(tag("team", "storage"), tag("cost", "42"))));
        assertThat(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet())
                .extracting(t -> t.key() + "=" + t.value()).containsExactlyInAnyOrder("team=storage", "cost=42");
        s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(numbered(50))));
        assertThat(s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()).hasSize(50);

        S3Exception tooMany = catchThrowableOfType(S3Exception.class,
                () -> s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(numbered(51)))));
        assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");

        s3.deleteBucketTagging(b -> b.bucket(bucket));
        S3Exception deleted = catchThrowableOfType(S3Exception.class, () -> s3.getBucketTagging(b -> b.bucket(bucket)));
        assertThat(deleted.awsErrorDetails().errorCode()).isEqualTo("NoSuchTagSet");

        S3Exception missing = catchThrowableOfType(S3Exception.class,
                () -> s3.getBucketTagging(b -> b.bucket(MockS3Fixture.uniqueBucket("absent"))));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    }

    private void assertInvalidTag(Consumer<software.amazon.awssdk.services.s3.model.PutObjectTaggingRequest.Builder> request,
                                  String bucket) {
        S3Exception error = catchThrowableOfType(S3Exception.class,
                () -> s3.putObjectTagging(b -> request.accept(b.bucket(bucket).key("k"))));
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
    }

    private Map<String, String> tags(String bucket, String key) {
        return s3.getObjectTagging(b -> b.bucket(bucket).key(key)).tagSet().stream()
                .collect(Collectors.toMap(Tag::key, Tag::value));
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static List<Tag> numbered(int count) {
        return IntStream.range(0, count).mapToObj(i -> tag("key" + i, "value" + i)).toList();
    }
}
