package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * If-Match on DeleteObject and the ETag element of DeleteObjects (S3's conditional deletes in general
 * purpose buckets): checked against the key's current object, 412 when its ETag differs, 404 NoSuchKey
 * when there is none.
 */
class ConditionalDeleteTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();

    @Test
    void deleteWithIfMatchRemovesOnlyTheObjectItNames() {
        String bucket = mocks3.newBucket("delifmatch");
        String etag = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("first")).eTag();

        S3Exception changed = catchThrowableOfType(S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch("\"0123456789abcdef0123456789abcdef\"")));
        assertThat(changed.statusCode()).isEqualTo(412);
        assertThat(changed.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
        assertThat(s3.headObject(b -> b.bucket(bucket).key("k")).eTag()).isEqualTo(etag);

        s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch(etag));
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();

        S3Exception gone = catchThrowableOfType(S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch("*")));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("second"));
        s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch("*"));
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void inAVersionedBucketIfMatchIsCheckedAgainstTheCurrentVersion() {
        String bucket = mocks3.newBucket("delifmatchv");
        s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        String old = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("old")).eTag();
        String current = s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("new")).eTag();

        S3Exception stale = catchThrowableOfType(S3Exception.class, () -> s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch(old)));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch(current)).deleteMarker()).isTrue();

        S3Exception underMarker = catchThrowableOfType(S3Exception.class,
                () -> s3.deleteObject(b -> b.bucket(bucket).key("k").ifMatch("*")));
        assertThat(underMarker.statusCode()).isEqualTo(404);
        assertThat(s3.listObjectVersions(b -> b.bucket(bucket)).deleteMarkers()).hasSize(1);
    }

    @Test
    void deleteObjectsChecksEachKeysETag() {
        String bucket = mocks3.newBucket("delsifmatch");
        String etag = s3.putObject(b -> b.bucket(bucket).key("kept"), RequestBody.fromString("kept")).eTag();
        String other = s3.putObject(b -> b.bucket(bucket).key("removed"), RequestBody.fromString("removed")).eTag();

        DeleteObjectsResponse response = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("kept").eTag("\"0123456789abcdef0123456789abcdef\"").build(),
                ObjectIdentifier.builder().key("removed").eTag(other).build(),
                ObjectIdentifier.builder().key("missing").eTag(etag).build())));

        assertThat(response.deleted()).extracting(d -> d.key()).containsExactly("removed");
        assertThat(response.errors()).extracting(e -> e.key() + " " + e.code())
                .containsExactlyInAnyOrder("kept PreconditionFailed", "missing NoSuchKey");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(o -> o.key()).containsExactly("kept");
    }
}
