package dev.mocks3.local.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import dev.mocks3.local.MockS3Fixture;

/** The temporary files of uploads in progress: every process's folder under {@code data/tmp}, lock files aside. */
final class TempUploads {
    private TempUploads() {
    }

    static long count(MockS3Fixture mocks3) {
        Path tmp = mocks3.dataDir().resolve("tmp");
        if (!Files.exists(tmp)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().equals("lock")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to 10 s) for the server to clean up after a broken upload; the count then. */
    static long settled(MockS3Fixture mocks3) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && count(mocks3) > 0) {
            Thread.sleep(50);
        }
        return count(mocks3);
    }
}
