package dev.mocks3.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.state.metadata.StorageSweep;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.sync.RequestBody;

/** No blob without a reference and no temporary file of a dead process survives; live uploads are never touched. */
class StorageSweepTest {
    private final MockS3Fixture mocks3 = MockS3Fixture.shared();

    @Test
    void concurrentFirstWritesLeaveOneBlobPerContent() throws Exception {
        String bucket = mocks3.newBucket("firstwrites");
        for (int round = 0; round < 4; round++) {
            String key = "new-" + round;
            List<String> contents = new ArrayList<>();
            List<CompletableFuture<?>> puts = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                // even rounds small bodies (kept in their blob's row), odd rounds files
                String content = "round " + round + " writer " + i + " " + UUID.randomUUID()
                        + (round % 2 == 0 ? "" : "x".repeat(9000));
                contents.add(content);
                puts.add(mocks3.s3Async().putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromString(content)));
            }
            CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            String current = mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String();
            List<String> stored = contents.stream().filter(content -> BlobFiles.isStored(mocks3, content)).toList();
            assertThat(stored).as("blobs left by 32 concurrent first writes of %s", key).containsExactly(current);
        }
    }

    @Test
    void sweepRemovesWhatNothingReferencesAndSparesLiveUploads() throws Exception {
        String bucket = mocks3.newBucket("sweep");
        Path tmp = mocks3.dataDir().resolve("tmp");

        String orphanSha = sha256("planted without a row " + UUID.randomUUID());
        Path orphan = blobFile(orphanSha);
        Files.createDirectories(orphan.getParent());
        Files.writeString(orphan, "a crash between publishing and committing left this");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        Path dead = tmp.resolve("p-dead-" + UUID.randomUUID());
        Path otherLive = tmp.resolve("p-live-" + UUID.randomUUID());
        Process holder = holdTempFolder(otherLive);
        holdTempFolder(dead).destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        mocks3.s3().putObject(b -> b.bucket(bucket).key("counted"), RequestBody.fromString("counted " + UUID.randomUUID()));
        String countedSha = sha256(mocks3.s3().getObjectAsBytes(b -> b.bucket(bucket).key("counted")).asUtf8String());
        DatabaseClient db = mocks3.bean(DatabaseClient.class);
        db.sql("update blobs set ref_count = 7 where sha256 = $1").bind(0, countedSha).then().block();

        try (Socket slowUpload = new Socket("localhost", mocks3.endpoint().getPort())) {
            slowUpload.setSoTimeout(10_000);
            OutputStream out = slowUpload.getOutputStream();
            out.write(("PUT /" + bucket + "/slow HTTP/1.1\r\nHost: localhost\r\nContent-Length: 20000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[5000]);
            out.flush();
            Path ownUpload = waitForOwnUploadFile(tmp, dead, otherLive);

            StorageSweep.Result result = mocks3.bean(StorageSweep.class).sweep().block(Duration.ofSeconds(30));

            assertThat(orphan).as("blob file with no row").doesNotExist();
            assertThat(dead).as("folder of a killed process").doesNotExist();
            assertThat(otherLive.resolve("upload-in-progress")).as("upload of another live process").exists();
            assertThat(ownUpload).as("this process's upload in progress").exists();
            assertThat(db.sql("select ref_count from blobs where sha256 = $1").bind(0, countedSha)
                    .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
            assertThat(result.blobFiles()).isPositive();
            assertThat(result.tempFolders()).isPositive();

            out.write(new byte[15000]);
            out.flush();
            assertThat(statusLine(slowUpload.getInputStream())).startsWith("HTTP/1.1 200");
        }
        assertThat(mocks3.s3().headObject(b -> b.bucket(bucket).key("slow")).contentLength()).isEqualTo(20000L);

        holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        mocks3.bean(StorageSweep.class).sweep().block(Duration.ofSeconds(30));
        assertThat(otherLive).as("folder of the process once it died").doesNotExist();

        mocks3.s3().deleteObject(b -> b.bucket(bucket).key("counted"));
        assertThat(blobFile(countedSha)).as("the recounted blob goes with its only reference").doesNotExist();
    }

    private static Process holdTempFolder(Path dir) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldsTempFolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(said.readLine()).isEqualTo("locked");
        return process;
    }

    private static Path waitForOwnUploadFile(Path tmp, Path... others) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(tmp)) {
                var found = files.filter(file -> file.getFileName().toString().startsWith("upload-"))
                        .filter(file -> Stream.of(others).noneMatch(file::startsWith)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the slow upload's temporary file never appeared");
    }

    private static String statusLine(InputStream in) throws Exception {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
    }

    private Path blobFile(String sha) {
        return BlobFiles.of(mocks3, sha);
    }

    private static String sha256(String content) {
        return BlobFiles.sha256(content);
    }
}
