package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Bucket versioning through the AWS SDK for Java v2: versions, delete markers, the null version, listing. */
class VersioningTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();

    @Test
    void aBucketNeverVersionedAnswersAnEmptyConfigurationThenTheStatusSet() {
        String bucket = mocks3.newBucket("ver-status");
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isNull();
        enable(bucket);
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        suspend(bucket);
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.SUSPENDED);
    }

    @Test
    void anUnknownStatusIsMalformedXmlAndAMissingBucketIsNoSuchBucket() {
        String bucket = mocks3.newBucket("ver-bad");
        S3Exception bad = catchThrowableOfType(S3Exception.class, () -> s3.putBucketVersioning(b -> b.bucket(bucket)
                .versioningConfiguration(c -> c.status("Sometimes"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
        S3Exception missing = catchThrowableOfType(S3Exception.class,
                () -> s3.getBucketVersioning(b -> b.bucket(MockS3Fixture.uniqueBucket("absent"))));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
    }

    @Test
    void everyOverwriteKeepsAVersionReadableByItsId() {
        String bucket = versionedBucket("ver-keep");
        PutObjectResponse first = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first"));
        PutObjectResponse second = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("second"));

        assertThat(first.versionId()).isNotBlank().matches("[A-Za-z0-9_-]+");
        assertThat(second.versionId()).isNotBlank().isNotEqualTo(first.versionId());
        var latest = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k"));
        assertThat(latest.asUtf8String()).isEqualTo("second");
        assertThat(latest.response().versionId()).isEqualTo(second.versionId());
        var old = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(first.versionId()));
        assertThat(old.asUtf8String()).isEqualTo("first");
        assertThat(old.response().versionId()).isEqualTo(first.versionId());
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k").versionId(first.versionId())).contentLength()).isEqualTo(5);
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(1);
    }

    @Test
    void aDeleteAddsAMarkerThatHidesTheKeyUntilTheMarkerIsDeleted() {
        String bucket = versionedBucket("ver-marker");
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("kept"));
        DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(bucket).key("k"));
        assertThat(deleted.deleteMarker()).isTrue();
        assertThat(deleted.versionId()).isNotBlank().isNotEqualTo(put.versionId());

        S3Exception hidden = catchThrowableOfType(S3Exception.class, () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")));
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
        assertThat(hidden.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        assertThat(hidden.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).contains(deleted.versionId());
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        assertThat(s3.listObjects(b -> b.bucket(bucket)).contents()).isEmpty();

        S3Exception marker = catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(deleted.versionId())));
        assertThat(marker.statusCode()).isEqualTo(405);
        assertThat(marker.awsErrorDetails().errorCode()).isEqualTo("MethodNotAllowed");
        assertThat(marker.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        S3Exception headMarker = catchThrowableOfType(S3Exception.class,
                () -> s3.headObject(b -> b.bucket(bucket).key("k").versionId(deleted.versionId())));
        assertThat(headMarker.statusCode()).isEqualTo(405);

        DeleteObjectResponse unmarked = s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(deleted.versionId()));
        assertThat(unmarked.deleteMarker()).isTrue();
        assertThat(unmarked.versionId()).isEqualTo(deleted.versionId());
        var back = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k"));
        assertThat(back.asUtf8String()).isEqualTo("kept");
        assertThat(back.response().versionId()).isEqualTo(put.versionId());
    }

    @Test
    void deletingAVersionRemovesItForGood() {
        String bucket = versionedBucket("ver-purge");
        PutObjectResponse first = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first"));
        PutObjectResponse second = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("second"));

        DeleteObjectResponse purged = s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(second.versionId()));
        assertThat(purged.versionId()).isEqualTo(second.versionId());
        assertThat(purged.deleteMarker()).isNull();
        S3Exception gone = catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId(second.versionId())));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("first");

        s3.deleteObject(b -> b.bucket(bucket).key("k").versionId(first.versionId()));
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).versions()).isEmpty();
        s3.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void aBucketHoldingOnlyOldVersionsOrMarkersIsNotEmpty() {
        String bucket = versionedBucket("ver-notempty");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
        S3Exception notEmpty = catchThrowableOfType(S3Exception.class, () -> s3.deleteBucket(b -> b.bucket(bucket)));
        assertThat(notEmpty.statusCode()).isEqualTo(409);
        assertThat(notEmpty.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
    }

    @Test
    void malformedAndUnknownVersionIdsAreRefusedAsS3Does() {
        String bucket = versionedBucket("ver-ids");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        S3Exception malformed = catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId("not a version")));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        S3Exception unknown = catchThrowableOfType(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId("A".repeat(32))));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("NoSuchVersion");
        S3Exception noKeyMarker = catchThrowableOfType(S3Exception.class,
                () -> s3.listObjectVersions(b -> b.bucket(bucket).versionIdMarker("A".repeat(32))));
        assertThat(noKeyMarker.statusCode()).isEqualTo(400);
        assertThat(noKeyMarker.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
    }

    @Test
    void suspendedVersioningWritesAndReplacesTheNullVersion() {
        String bucket = mocks3.newBucket("ver-null");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("before versioning"));
        enable(bucket);
        PutObjectResponse versioned = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("versioned"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId("null")).asUtf8String())
                .isEqualTo("before versioning");

        suspend(bucket);
        PutObjectResponse suspended = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("suspended"));
        assertThat(suspended.versionId()).isNull();
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("suspended again"));

        List<ObjectVersion> versions = s3.listObjectVersions(b -> b.bucket(bucket)).versions();
        assertThat(versions).extracting(ObjectVersion::versionId).containsExactly("null", versioned.versionId());
        assertThat(versions.get(0).isLatest()).isTrue();
        var nullVersion = s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").versionId("null"));
        assertThat(nullVersion.asUtf8String()).isEqualTo("suspended again");
        assertThat(nullVersion.response().versionId()).isEqualTo("null");

        DeleteObjectResponse marker = s3.deleteObject(b -> b.bucket(bucket).key("k"));
        assertThat(marker.deleteMarker()).isTrue();
        assertThat(marker.versionId()).isEqualTo("null");
        ListObjectVersionsResponse after = s3.listObjectVersions(b -> b.bucket(bucket));
        assertThat(after.deleteMarkers()).extracting(DeleteMarkerEntry::versionId).containsExactly("null");
        assertThat(after.versions()).extracting(ObjectVersion::versionId).containsExactly(versioned.versionId());
    }

    @Test
    void listObjectVersionsPagesWithKeyAndVersionIdMarkers() {
        String bucket = versionedBucket("ver-list");
        List<String> written = new ArrayList<>();
        for (String key : List.of("a", "b", "dir/x", "dir/y")) {
            for (int i = 0; i < 2; i++) {
                String content = key + i;
                written.add(key + "@" + s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(content)).versionId());
            }
        }
        String markerId = s3.deleteObject(b -> b.bucket(bucket).key("b")).versionId();

        ListObjectVersionsResponse all = s3.listObjectVersions(b -> b.bucket(bucket));
        assertThat(all.isTruncated()).isFalse();
        assertThat(all.versions()).hasSize(8);
        assertThat(all.versions().get(0).key()).isEqualTo("a");
        assertThat(all.versions().get(0).isLatest()).isTrue();
        assertThat(all.versions().get(0).versionId()).isEqualTo(written.get(1).substring(2));
        assertThat(all.versions().get(1).isLatest()).isFalse();
        assertThat(all.versions()).filteredOn(v -> v.key().equals("b")).noneMatch(ObjectVersion::isLatest);
        assertThat(all.deleteMarkers()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("b");
            assertThat(m.versionId()).isEqualTo(markerId);
            assertThat(m.isLatest()).isTrue();
        });

        List<String> paged = new ArrayList<>();
        String keyMarker = null;
        String versionMarker = null;
        int pages = 0;
        while (true) {
            String km = keyMarker;
            String vm = versionMarker;
            ListObjectVersionsResponse page = s3.listObjectVersions(b -> b.bucket(bucket).maxKeys(2).keyMarker(km).versionIdMarker(vm));
            pages++;
            page.versions().forEach(v -> paged.add(v.key() + "@" + v.versionId()));
            page.deleteMarkers().forEach(m -> paged.add(m.key() + "@" + m.versionId()));
            assertThat(page.versions().size() + page.deleteMarkers().size()).isLessThanOrEqualTo(2);
            if (!page.isTruncated()) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        }
        assertThat(pages).isEqualTo(5);
        assertThat(paged).containsExactlyInAnyOrderElementsOf(plus(written, "b@" + markerId));

        ListObjectVersionsResponse folded = s3.listObjectVersions(b -> b.bucket(bucket).delimiter("/"));
        assertThat(folded.commonPrefixes()).extracting(p -> p.prefix()).containsExactly("dir/");
        assertThat(folded.versions()).extracting(ObjectVersion::key).containsOnly("a", "b");
        ListObjectVersionsResponse underDir = s3.listObjectVersions(b -> b.bucket(bucket).prefix("dir/").keyMarker("dir/x"));
        assertThat(underDir.versions()).extracting(ObjectVersion::key).containsExactly("dir/y", "dir/y");
    }

    @Test
    void copyReadsTheSourceVersionAskedFor() {
        String bucket = versionedBucket("ver-copy");
        PutObjectResponse first = s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("old content"));
        s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("new content"));

        var copy = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").sourceVersionId(first.versionId())
                .destinationBucket(bucket).destinationKey("dst"));
        assertThat(copy.copySourceVersionId()).isEqualTo(first.versionId());
        assertThat(copy.versionId()).isNotBlank().isNotEqualTo(first.versionId());
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("dst")).asUtf8String()).isEqualTo("old content");

        // restoring an old version onto its own key is allowed
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("src").sourceVersionId(first.versionId())
                .destinationBucket(bucket).destinationKey("src"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("src")).asUtf8String()).isEqualTo("old content");
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("src")).versions()).hasSize(3);

        String markerId = s3.deleteObject(b -> b.bucket(bucket).key("dst")).versionId();
        S3Exception fromMarker = catchThrowableOfType(S3Exception.class, () -> s3.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("dst").sourceVersionId(markerId).destinationBucket(bucket).destinationKey("other")));
        assertThat(fromMarker.statusCode()).isEqualTo(400);
        assertThat(fromMarker.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
    }

    @Test
    void headOfAKeyUnderADeleteMarkerIs404WithTheMarkerHeaders() {
        String bucket = versionedBucket("ver-head");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        String marker = s3.deleteObject(b -> b.bucket(bucket).key("k")).versionId();
        S3Exception head = catchThrowableOfType(S3Exception.class, () -> s3.headObject(b -> b.bucket(bucket).key("k")));
        assertThat(head.statusCode()).isEqualTo(404);
        assertThat(head.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-delete-marker")).contains("true");
        assertThat(head.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-version-id")).contains(marker);
    }

    @Test
    void uploadPartCopyReadsTheSourceVersionAskedFor() {
        String bucket = versionedBucket("ver-partcopy");
        String old = s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("old bytes")).versionId();
        s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("new bytes"));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("dst")).uploadId();
        String etag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src").sourceVersionId(old)
                .destinationBucket(bucket).destinationKey("dst").uploadId(uploadId).partNumber(1)).copyPartResult().eTag();
        s3.completeMultipartUpload(b -> b.bucket(bucket).key("dst").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("dst")).asUtf8String()).isEqualTo("old bytes");
    }

    @Test
    void deleteObjectsRemovesNamedVersionsAndAddsMarkersForKeys() {
        String bucket = versionedBucket("ver-multi");
        String a1 = s3.putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("a1")).versionId();
        s3.putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("a2"));
        s3.putObject(b -> b.bucket(bucket).key("b"), RequestBody.fromString("b1"));

        DeleteObjectsResponse result = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").versionId(a1).build(),
                ObjectIdentifier.builder().key("b").build(),
                ObjectIdentifier.builder().key("c").versionId("bad id").build())));

        assertThat(result.deleted()).hasSize(2);
        assertThat(result.deleted()).filteredOn(d -> d.key().equals("a")).singleElement().satisfies(d -> {
            assertThat(d.versionId()).isEqualTo(a1);
            assertThat(d.deleteMarker()).isNull();
        });
        assertThat(result.deleted()).filteredOn(d -> d.key().equals("b")).singleElement().satisfies(d -> {
            assertThat(d.deleteMarker()).isTrue();
            assertThat(d.deleteMarkerVersionId()).isNotBlank();
        });
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("c");
            assertThat(e.code()).isEqualTo("InvalidArgument");
        });
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket).prefix("a")).versions()).hasSize(1);
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly("a");
    }

    @Test
    void aCompletedMultipartUploadIsANewVersion() {
        String bucket = versionedBucket("ver-mpu");
        String before = s3.putObject(b -> b.bucket(bucket).key("big"), RequestBody.fromString("small")).versionId();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key("big")).uploadId();
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("one part")).eTag();
        var done = s3.completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertThat(done.versionId()).isNotBlank().isNotEqualTo(before);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("big").versionId(before)).asUtf8String()).isEqualTo("small");
    }

    @Test
    void anUnversionedBucketAnswersAsBeforeWithoutVersionHeaders() {
        String bucket = mocks3.newBucket("ver-none");
        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("one"));
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("two"));
        assertThat(put.versionId()).isNull();
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).response().versionId()).isNull();
        DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(bucket).key("k"));
        assertThat(deleted.deleteMarker()).isNull();
        assertThat(deleted.versionId()).isNull();
        ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket(bucket));
        assertThat(versions.versions()).isEmpty();
        assertThat(versions.deleteMarkers()).isEmpty();
    }

    private String versionedBucket(String purpose) {
        String bucket = mocks3.newBucket(purpose);
        enable(bucket);
        return bucket;
    }

    private void enable(String bucket) {
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED)));
    }

    private void suspend(String bucket) {
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(c -> c.status(BucketVersioningStatus.SUSPENDED)));
    }

    private static List<String> plus(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }
}
