package dev.mocks3.local.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Stops and starts an {@link EmbeddedPostgres} behind its back with pg_ctl, as an operator (or a
 * crash) would, so a test can watch MockS3 live through a database outage.
 */
public final class PgCtl {
    private final Path workDir;
    private final int port;

    public PgCtl(Path workDir, int port) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.port = port;
    }

    public void stop() {
        run("stop", "-D", workDir.resolve("pgdata").toString(), "-m", "fast", "-w");
    }

    public void start() {
        // no Unix socket: the first start's socket folder may be a temporary one that is gone
        run("start", "-D", workDir.resolve("pgdata").toString(), "-w", "-l",
                workDir.resolve("postgres").resolve("postgres.log").toString(),
                "-o", "-h 127.0.0.1 -p " + port + " -k ''");
    }

    private void run(String... args) {
        try {
            String[] line = Stream.concat(Stream.of(pgCtl().toString()), Stream.of(args)).toArray(String[]::new);
            RunAs.forPostgres().command(workDir, line).run(Duration.ofMinutes(1));
        } catch (IOException e) {
            throw new IllegalStateException("pg_ctl " + args[0] + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during pg_ctl " + args[0], e);
        }
    }

    private Path pgCtl() throws IOException {
        try (Stream<Path> files = Files.walk(workDir.resolve("postgres").resolve("binaries"))) {
            return files.filter(file -> file.endsWith(Path.of("bin", "pg_ctl"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pg_ctl under " + workDir));
        }
    }
}
