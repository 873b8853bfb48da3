package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.TempUploads;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * A request that fails, at any byte, changes nothing: the object (or part) it was replacing is
 * still there, whole, and no temporary file is left. Raw sockets, to break bodies as clients and
 * networks do.
 */
class FailedUploadTest {
    private static final String OLD = "the old object, still whole";
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void failedChunkedPutLeavesTheOldObject() throws Exception {
        assertBadChunkLeavesTheOldObject("ZZZ-not-a-size\r\nhello\r\n0\r\n\r\n");
    }

    @Test
    void chunkedPutWithABadChunkSizeMidBodyLeavesTheOldObject() throws Exception {
        assertBadChunkLeavesTheOldObject("5\r\nhello\r\nZZZ-not-a-size\r\nmore\r\n0\r\n\r\n");
    }

    @Test
    void chunkedPutCutByADisconnectLeavesTheOldObject() throws Exception {
        String bucket = bucketWithOldObject("chunkcut");
        send("PUT /" + bucket + "/k HTTP/1.1\r\n" + host() + "Transfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n100\r\nonly part of the chunk", false);
        assertOldObjectIntact(bucket);
    }

    @Test
    void contentLengthPutCutShortLeavesTheOldObject() throws Exception {
        String bucket = bucketWithOldObject("shortbody");
        send("PUT /" + bucket + "/k HTTP/1.1\r\n" + host() + "Content-Length: 100000\r\n\r\n" + "x".repeat(5000), false);
        assertOldObjectIntact(bucket);
    }

    @Test
    void awsChunkedPutCutShortLeavesTheOldObject() throws Exception {
        String bucket = bucketWithOldObject("awschunkcut");
        String body = "b\r\nhello world\r\n";
        send("PUT /" + bucket + "/k HTTP/1.1\r\n" + host() + "Content-Encoding: aws-chunked\r\n"
                + "x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER\r\nx-amz-decoded-content-length: 5000\r\n"
                + "Content-Length: 6000\r\n\r\n" + body, false);
        assertOldObjectIntact(bucket);
    }

    @Test
    void failedChunkedUploadPartLeavesTheEarlierPart() throws Exception {
        String bucket = mocks3.newBucket("badpart");
        String uploadId = mocks3.s3().createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        String etag = mocks3.s3().uploadPart(b -> b.bucket(bucket).key("k").uploadId(uploadId).partNumber(1),
                RequestBody.fromString(OLD)).eTag();
        String answer = send("PUT /" + bucket + "/k?partNumber=1&uploadId=" + uploadId + " HTTP/1.1\r\n" + host()
                + "Transfer-Encoding: chunked\r\n\r\n3\r\nnew\r\nnot-hex\r\n", true);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(TempUploads.settled(mocks3.dataDir())).isZero();
        assertThat(mocks3.s3().listParts(b -> b.bucket(bucket).key("k").uploadId(uploadId)).parts())
                .singleElement().satisfies(part -> assertThat(part.eTag()).isEqualTo(etag));
        mocks3.s3().completeMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(uploadId)
                .multipartUpload(m -> m.parts(List.of(CompletedPart.builder().partNumber(1).eTag(etag).build()))));
        assertThat(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k")).asUtf8String()).isEqualTo(OLD);
    }

    private void assertBadChunkLeavesTheOldObject(String chunkedBody) throws Exception {
        String bucket = bucketWithOldObject("badchunk");
        String answer = send("PUT /" + bucket + "/k HTTP/1.1\r\n" + host() + "Transfer-Encoding: chunked\r\n\r\n"
                + chunkedBody, true);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertOldObjectIntact(bucket);
    }

    private String bucketWithOldObject(String purpose) {
        String bucket = mocks3.newBucket(purpose);
        mocks3.s3().putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString(OLD));
        return bucket;
    }

    private void assertOldObjectIntact(String bucket) throws InterruptedException {
        assertThat(TempUploads.settled(mocks3.dataDir())).as("temporary upload files left").isZero();
        var object = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("k"));
        assertThat(object.asUtf8String()).isEqualTo(OLD);
        assertThat(object.response().contentLength()).isEqualTo(OLD.length());
    }

    private String host() {
        return "Host: localhost:" + mocks3.endpoint().getPort() + "\r\n";
    }

    /** Sends the bytes; then reads the answer's first line, or closes the connection at once. */
    private String send(String request, boolean readAnswer) throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", mocks3.endpoint().getPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (!readAnswer) {
                Thread.sleep(200); // let the server take in what was sent before the connection goes
                return "";
            }
            return firstLine(socket.getInputStream());
        }
    }

    private static String firstLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        try {
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.append((char) b);
            }
        } catch (SocketTimeoutException e) {
            return "no answer: " + line;
        }
        return line.toString().trim();
    }
}
