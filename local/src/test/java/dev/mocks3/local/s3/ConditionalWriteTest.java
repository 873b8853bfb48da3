package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** If-None-Match: * and If-Match on PutObject and CompleteMultipartUpload, as clients use them for locks. */
class ConditionalWriteTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void putWithIfNoneMatchStarDoesNotOverwriteAnExistingObject() {
        String bucket = mocks3.newBucket("ifnonematch");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("lock"), RequestBody.fromString("first"));
        S3Exception refused = catchThrowableOfType(S3Exception.class,
                () -> mocks3.s3().putObject(b -> b.bucket(bucket).key("lock").ifNoneMatch("*"), RequestBody.fromString("second")));
        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
        assertThat(body(bucket, "lock")).isEqualTo("first");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("free").ifNoneMatch("*"), RequestBody.fromString("created"));
        assertThat(body(bucket, "free")).isEqualTo("created");
    }

    @Test
    void concurrentCreatorsWithIfNoneMatchStarHaveExactlyOneWinner() {
        String bucket = mocks3.newBucket("lockrace");
        int creators = 12;
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < creators; i++) {
            String content = "creator " + i;
            answers.add(mocks3.s3Async().putObject(b -> b.bucket(bucket).key("lock").ifNoneMatch("*"),
                            AsyncRequestBody.fromString(content))
                    .thenApply(r -> 200)
                    .exceptionally(e -> e instanceof CompletionException c && c.getCause() instanceof S3Exception s3
                            ? s3.statusCode() : -1));
        }
        List<Integer> statuses = answers.stream().map(f -> f.orTimeout(30, TimeUnit.SECONDS).join()).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).hasSize(creators - 1).allMatch(s -> s == 412);
        assertThat(body(bucket, "lock")).startsWith("creator ");
    }

    @Test
    void putWithIfMatchReplacesOnlyTheExpectedVersion() {
        String bucket = mocks3.newBucket("ifmatch");
        String etag = mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("v1")).eTag();
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k").ifMatch(etag), RequestBody.fromString("v2"));
        assertThat(body(bucket, "k")).isEqualTo("v2");

        S3Exception stale = catchThrowableOfType(S3Exception.class,
                () -> mocks3.s3().putObject(b -> b.bucket(bucket).key("k").ifMatch(etag), RequestBody.fromString("v3")));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(body(bucket, "k")).isEqualTo("v2");

        S3Exception missing = catchThrowableOfType(S3Exception.class,
                () -> mocks3.s3().putObject(b -> b.bucket(bucket).key("absent").ifMatch(etag), RequestBody.fromString("v1")));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    }

    @Test
    void completeMultipartUploadHonoursIfNoneMatchStarAndIfMatch() {
        String bucket = mocks3.newBucket("mpuifnonematch");
        String etag = mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("existing")).eTag();
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String part = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("joined")).eTag();
        List<CompletedPart> parts = List.of(CompletedPart.builder().partNumber(1).eTag(part).build());

        S3Exception refused = catchThrowableOfType(S3Exception.class, () -> mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k")
                .uploadId(uploadId).ifNoneMatch("*").multipartUpload(m -> m.parts(parts))));
        assertThat(refused.statusCode()).isEqualTo(412);
        assertThat(body(bucket, "k")).isEqualTo("existing");

        mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId).ifMatch(etag)
                .multipartUpload(m -> m.parts(parts)));
        assertThat(body(bucket, "k")).isEqualTo("joined");
    }

    private String body(String bucket, String key) {
        return mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
    }
}
