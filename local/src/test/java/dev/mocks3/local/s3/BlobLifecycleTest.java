package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.TempUploads;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/** Content-addressed blobs: stored once, removed with their last reference, nothing left by failures. */
class BlobLifecycleTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void equalContentIsStoredOnceAndDeletedWithItsLastReference() throws IOException {
        // a small body is kept in its blob's row, a larger one in a file: the same rules for both
        storedOnceAndDeletedWithItsLastReference("same bytes " + System.nanoTime());
        storedOnceAndDeletedWithItsLastReference("same bytes ".repeat(900) + System.nanoTime());
    }

    private void storedOnceAndDeletedWithItsLastReference(String content) {
        String bucket = mocks3.newBucket("dedupe");
        mocks3.s3().putObject(b -> b.bucket(bucket).key("one"), RequestBody.fromString(content));
        mocks3.s3().putObject(b -> b.bucket(bucket).key("two"), RequestBody.fromString(content));
        mocks3.s3().copyObject(b -> b.sourceBucket(bucket).sourceKey("one").destinationBucket(bucket).destinationKey("three"));
        assertThat(BlobFiles.isStored(mocks3, content)).isTrue();
        assertThat(Files.exists(blobFile(content))).as("a file only for a body over 8,000 bytes")
                .isEqualTo(content.length() > 8000);

        mocks3.s3().deleteObject(b -> b.bucket(bucket).key("one"));
        mocks3.s3().deleteObject(b -> b.bucket(bucket).key("two"));
        assertThat(BlobFiles.isStored(mocks3, content)).isTrue();
        mocks3.s3().deleteObject(b -> b.bucket(bucket).key("three"));
        assertThat(BlobFiles.isStored(mocks3, content)).isFalse();
    }

    @Test
    void overwritingAnObjectReleasesTheOldContent() throws IOException {
        for (String first : new String[] {"first version " + System.nanoTime(), "first version ".repeat(700) + System.nanoTime()}) {
            String bucket = mocks3.newBucket("overwrite");
            mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(first));
            assertThat(BlobFiles.isStored(mocks3, first)).isTrue();
            mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("second"));
            assertThat(BlobFiles.isStored(mocks3, first)).isFalse();
            assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo("second");
        }
    }

    @Test
    void uploadCutOffMidBodyLeavesNoObjectAndNoTemporaryFile() throws Exception {
        String bucket = mocks3.newBucket("cutoff");
        try (Socket socket = new Socket("127.0.0.1", mocks3.endpoint().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /" + bucket + "/partial HTTP/1.1\r\nHost: localhost\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[10_000]);
            out.flush();
        }
        assertThat(TempUploads.settled(mocks3.dataDir())).isZero();
        assertThat(new RawHttp(mocks3).get("/" + bucket + "/partial").statusCode()).isEqualTo(404);
    }

    @Test
    void multipartUploadJoinsPartsAndAbortRemovesTheirBlobs() throws IOException {
        String bucket = mocks3.newBucket("multipart");
        byte[] part1 = filled(5 * 1024 * 1024, (byte) 'a');
        byte[] part2 = filled(1024, (byte) 'b');
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("big").contentType("application/x-big")).uploadId();
        String e1 = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(1), RequestBody.fromBytes(part1)).eTag();
        String e2 = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("big").uploadId(uploadId).partNumber(2), RequestBody.fromBytes(part2)).eTag();
        assertThat(mocks3.s3().listParts(b -> b.bucket(bucket).key("big").uploadId(uploadId)).parts()).hasSize(2);
        var done = mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("big").uploadId(uploadId)
                .multipartUpload(m -> m.parts(List.of(CompletedPart.builder().partNumber(1).eTag(e1).build(),
                        CompletedPart.builder().partNumber(2).eTag(e2).build()))));
        assertThat(done.eTag()).endsWith("-2\"");
        var object = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("big"));
        assertThat(object.asByteArray()).hasSize(part1.length + part2.length);
        assertThat(object.response().contentType()).isEqualTo("application/x-big");
        assertThat(mocks3.s3().listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();

        String aborted = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("gone")).uploadId();
        byte[] unique = ("abandoned part " + System.nanoTime()).getBytes(StandardCharsets.UTF_8);
        mocks3.s3().uploadPart(b -> b.bucket(bucket).key("gone").uploadId(aborted).partNumber(1), RequestBody.fromBytes(unique));
        Path partBlob = blobFile(new String(unique, StandardCharsets.UTF_8));
        assertThat(partBlob).exists();
        mocks3.s3().abortMultipartUpload(b -> b.bucket(bucket).key("gone").uploadId(aborted));
        assertThat(partBlob).doesNotExist();
        assertThat(SdkObjectsTest.status(() -> mocks3.s3().listParts(b -> b.bucket(bucket).key("gone").uploadId(aborted))))
                .isEqualTo(404);
    }

    private Path blobFile(String content) {
        return BlobFiles.ofContent(mocks3, content);
    }

    private static byte[] filled(int size, byte value) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, value);
        return bytes;
    }
}
