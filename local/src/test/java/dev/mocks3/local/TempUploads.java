package dev.mocks3.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/** The temporary files of uploads in progress: every process's folder under {@code data/tmp}, lock files aside. */
public final class TempUploads {
    private TempUploads() {
    }

    public static long count(Path dataDir) {
        Path tmp = dataDir.resolve("tmp");
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
    public static long settled(Path dataDir) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && count(dataDir) > 0) {
            Thread.sleep(50);
        }
        return count(dataDir);
    }
}
