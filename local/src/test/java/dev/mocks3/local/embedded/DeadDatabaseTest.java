package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;

class DeadDatabaseTest {

    private static final Duration RECOVERY = Duration.ofSeconds(60);

    private final Path dataDir = RunnerProcess.freshDataDir();

    @Test
    void s3AnswersAgainWithItsDataAfterTheEmbeddedPostgresAndRedisAreKilled() throws Exception {
        try (LocalRunner runner = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString()));
             S3Client s3 = MockS3Fixture.singleAttemptClient(URI.create("http://127.0.0.1:" + runner.port()))) {
            s3.createBucket(b -> b.bucket("survivors"));
            s3.putObject(b -> b.bucket("survivors").key("before"), RequestBody.fromString("kept"));
            long postmaster = postmasterPid();

            ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
            Leftovers.workingIn(dataDir.resolve("redis/redis"), "redis").forEach(ProcessHandle::destroyForcibly);

            awaitUploadsWork(s3);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("survivors").key("before")).asUtf8String()).isEqualTo("kept");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("survivors").key("after")).asUtf8String()).isEqualTo("new");
            assertThat(postmasterPid()).as("a new postmaster").isNotEqualTo(postmaster);
        }
    }

    private static void awaitUploadsWork(S3Client s3) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (true) {
            try {
                s3.putObject(b -> b.bucket("survivors").key("after"), RequestBody.fromString("new"));
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("S3 did not work again within " + RECOVERY, e);
                }
                Thread.sleep(500);
            }
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/pgdata/postmaster.pid")).get(0).strip());
    }
}
