package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;
import dev.mocks3.local.embedded.RunnerProcess;

/**
 * A file larger than the server's whole heap goes through presign, parts, callback and download:
 * MockS3 runs in a JVM of its own with {@code -Xmx256m} (as {@code java -jar} would), the file is
 * 320 MiB, so a drive (or S3 side) that held the body anywhere would die of OutOfMemoryError. The
 * callback is told to answer at once (callback-wait 0), so the client sees "being verified" first.
 */
class DriveLargeUploadHeapTest {
    private static final int MIB = 1024 * 1024;
    private static final long SIZE = 320L * MIB;

    @Test
    void aFileLargerThanTheServersHeapUploadsVerifiesAndDownloadsWhole() throws Exception {
        int drivePort;
        try (ServerSocket free = new ServerSocket(0)) {
            drivePort = free.getLocalPort();
        }
        try (RunnerProcess server = RunnerProcess.start(RunnerProcess.freshDataDir(), "--mocks3.drive.port=" + drivePort,
                "--mocks3.drive.callback-wait=0s")) {
            HttpClient http = HttpClient.newHttpClient();
            DriveClient drive = new DriveClient(URI.create("http://127.0.0.1:" + drivePort), http);
            User user = drive.newUser();
            String sha256 = sha256(SIZE);
            Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "huge.bin",
                    "size", SIZE, "sha256", sha256);
            assertThat(presign.code()).as(presign.toString()).isEqualTo(200);
            long partSize = presign.data().path("partSize").asLong();
            for (JsonNode part : presign.data().path("parts")) {
                long offset = (part.path("partNumber").asLong() - 1) * partSize;
                assertThat(drive.put(part, bytes(offset, part.path("size").asInt()))).isEqualTo(200);
            }
            String uploadId = presign.data().path("uploadId").asText();

            Reply first = drive.post("/file/v1/upload/callback", user.token(), "uploadId", uploadId);
            assertThat(first.code()).as("the 320 MiB are still being hashed: %s", first).isEqualTo(300013);
            assertThat(first.status()).isEqualTo(202);
            // nobody else learns anything of it meanwhile
            assertThat(drive.post("/file/v1/upload/callback", drive.newUser().token(), "uploadId", uploadId).code()).isEqualTo(300008);
            Reply done = drive.callback(user.token(), uploadId);
            assertThat(done.code()).as(done.toString()).isEqualTo(200);
            assertThat(done.data().path("size").asLong()).isEqualTo(SIZE);
            assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", uploadId).data().path("id").asLong())
                    .as("a later callback answers the same file").isEqualTo(done.data().path("id").asLong());

            String url = drive.get("/file/v1/file/download", user.token(), "id", done.data().path("id").asLong())
                    .data().path("url").asText();
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            long read = 0;
            try (InputStream body = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) > 0; read += n) {
                    md.update(buffer, 0, n);
                }
            }
            assertThat(read).isEqualTo(SIZE);
            assertThat(HexFormat.of().formatHex(md.digest())).isEqualTo(sha256);
            assertThat(server.output()).doesNotContain("OutOfMemoryError");
        }
    }

    /** The file's bytes from {@code offset} (a whole MiB): a generator, so the test never holds the file either. */
    private static byte[] bytes(long offset, int length) {
        byte[] out = new byte[length];
        for (int block = 0; block < length; block += MIB) {
            SplittableRandom random = new SplittableRandom((offset + block) / MIB);
            for (int i = block; i < Math.min(length, block + MIB); i += 8) {
                long value = random.nextLong();
                for (int k = 0; k < 8 && i + k < length; k++) {
                    out[i + k] = (byte) (value >>> (8 * k));
                }
            }
        }
        return out;
    }

    private static String sha256(long size) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (long offset = 0; offset < size; offset += 8L * MIB) {
            md.update(bytes(offset, (int) Math.min(8L * MIB, size - offset)));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
