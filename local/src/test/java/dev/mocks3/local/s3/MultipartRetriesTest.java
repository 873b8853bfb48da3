package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** What a client retrying or racing a multipart upload gets: S3's answers, not NoSuchUpload. */
class MultipartRetriesTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();
    private final S3Client s3 = mocks3.s3();

    @Test
    void completingAgainWithTheSamePartsAnswersTheObject() {
        String bucket = mocks3.newBucket("complete-again");
        String upload = create(bucket);
        List<CompletedPart> parts = List.of(part(1, upload(bucket, upload, 1, "only part")));

        CompleteMultipartUploadResponse first = complete(bucket, upload, parts);
        CompleteMultipartUploadResponse again = complete(bucket, upload, parts);
        assertThat(again.eTag()).isEqualTo(first.eTag()).endsWith("-1\"");
        assertThat(again.key()).isEqualTo("k");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("only part");

        List<CompletedPart> otherParts = List.of(part(1, "\"0123456789abcdef0123456789abcdef\""));
        assertNoSuchUpload(() -> complete(bucket, upload, otherParts));

        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("overwritten"));
        assertNoSuchUpload(() -> complete(bucket, upload, parts));
    }

    @Test
    void aPartNumberListedTwiceCompletesWithItsLastEtag() {
        String bucket = mocks3.newBucket("resend");
        String upload = create(bucket);
        String etagB = upload(bucket, upload, 1, "BBBBBBBB");
        // the first upload of part 1 finishes last: it is the part S3 keeps
        String etagA = upload(bucket, upload, 1, "AAAAAAAA");

        complete(bucket, upload, List.of(part(1, etagB), part(1, etagA)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("AAAAAAAA");
    }

    @Test
    void partsOutOfOrderAreStillInvalidPartOrder() {
        String bucket = mocks3.newBucket("order");
        String upload = create(bucket);
        String etag = upload(bucket, upload, 2, "x");
        assertThatThrownBy(() -> complete(bucket, upload, List.of(part(2, etag), part(1, etag))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPartOrder"));
    }

    @Test
    void uploadPartCopyWithARangeBeyondTheSourceIsInvalidRange() {
        String bucket = mocks3.newBucket("copy-range");
        s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("12345"));
        String upload = create(bucket);

        assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src").copySourceRange("bytes=0-21")
                .destinationBucket(bucket).destinationKey("k").uploadId(upload).partNumber(1)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
        assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src").copySourceRange("bytes=3-1")
                .destinationBucket(bucket).destinationKey("k").uploadId(upload).partNumber(1)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));

        String etag = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("src").copySourceRange("bytes=1-3")
                .destinationBucket(bucket).destinationKey("k").uploadId(upload).partNumber(1)).copyPartResult().eTag();
        complete(bucket, upload, List.of(part(1, etag)));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("234");
    }

    private String create(String bucket) {
        return s3.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
    }

    private String upload(String bucket, String upload, int number, String content) {
        return s3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(upload).partNumber(number),
                RequestBody.fromString(content)).eTag();
    }

    private static CompletedPart part(int number, String etag) {
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    private CompleteMultipartUploadResponse complete(String bucket, String upload, List<CompletedPart> parts) {
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(upload).multipartUpload(m -> m.parts(parts)));
    }

    private static void assertNoSuchUpload(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchUpload");
        });
    }
}
