package dev.mocks3.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis server for the local runner: the binary from the embedded-redis jar, or redis-server on the
 * PATH if that one cannot run here. It listens on 127.0.0.1 only and keeps nothing on disk.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final DirectoryLock lock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stop, "embedded-redis-stop");

    private EmbeddedRedis(Process process, int port, DirectoryLock lock) {
        this.process = process;
        this.port = port;
        this.lock = lock;
    }

    /** Starts Redis with {@code workDir/redis} as its directory. Port 0 picks a free port. */
    public static EmbeddedRedis start(Path workDir, int port) {
        return start(workDir, port, List.of(RedisProgram.bundled(), RedisProgram.onPath()));
    }

    /** Tries the programs in turn until one serves the port. */
    static EmbeddedRedis start(Path workDir, int port, List<RedisProgram> programs) {
        long started = System.nanoTime();
        Path dir = workDir.toAbsolutePath().normalize().resolve("redis");
        try {
            DirectoryLock lock = DirectoryLock.acquire(dir, "Redis");
            try {
                stopLeftovers(dir);
                int chosenPort = FreePort.pickIfZero(port);
                List<String> failures = new ArrayList<>();
                for (RedisProgram program : programs) {
                    try {
                        Process process = launch(program.locate(dir.resolve("bin")), dir, chosenPort);
                        EmbeddedRedis redis = new EmbeddedRedis(process, chosenPort, lock);
                        Runtime.getRuntime().addShutdownHook(redis.shutdownHook);
                        log.info("Redis ready at {} in {} ms", redis.address(), (System.nanoTime() - started) / 1_000_000);
                        return redis;
                    } catch (IOException e) {
                        log.warn("Could not run {}: {}", program, e.getMessage());
                        failures.add(program + ": " + e.getMessage());
                    }
                }
                throw new IllegalStateException("Could not start Redis on 127.0.0.1:" + chosenPort + " with "
                        + String.join("; nor with ", failures));
            } catch (IOException | InterruptedException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Redis in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Redis", e);
        }
    }

    /** The address in the form Redisson takes, {@code redis://127.0.0.1:PORT}. */
    public String address() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; stop() below is idempotent
        }
        stop();
    }

    private static Process launch(Path program, Path dir, int port) throws IOException, InterruptedException {
        Path logFile = dir.resolve("redis.log");
        log.info("Starting Redis {} on 127.0.0.1:{}, log in {}", program, port, logFile);
        Process process = new ProcessBuilder(program.toString(),
                "--bind", "127.0.0.1", "--port", Integer.toString(port),
                "--save", "", "--appendonly", "no", "--daemonize", "no")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        try {
            awaitPong(process, port);
            return process;
        } catch (IOException e) {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw new IOException(e.getMessage() + "\n--- end of " + logFile + " ---\n" + LogTail.of(logFile), e);
        }
    }

    private static void awaitPong(Process process, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!RedisProbe.ping(port)) {
            if (!process.isAlive()) {
                throw new IOException("it exited with code " + process.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("it did not answer PING within " + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        // A server that was already on the port answers as well; make sure the answer came from ours.
        OptionalLong answering = RedisProbe.serverPid(port);
        if (answering.isPresent() && answering.getAsLong() != process.pid()) {
            throw new IOException("another Redis (pid " + answering.getAsLong() + ") already serves port " + port);
        }
    }

    /** Redis servers left running by a killed run: they hold their port and keep their directory. */
    private static void stopLeftovers(Path dir) throws IOException, InterruptedException {
        for (ProcessHandle leftover : Leftovers.workingIn(dir, "redis")) {
            log.info("Stopping Redis (pid {}) left running by an earlier run", leftover.pid());
            Leftovers.terminate(leftover, STOP_TIMEOUT);
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Redis on 127.0.0.1:{}", port);
        try {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Could not release the lock of Redis on 127.0.0.1:{}: {}", port, e.getMessage());
            }
        }
    }
}
