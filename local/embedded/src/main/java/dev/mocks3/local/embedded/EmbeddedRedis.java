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
 * PATH if that one cannot run here. It listens on 127.0.0.1 only, asks for the password generated into
 * {@code workDir/redis/password} (mode 0600), offers none of the commands that reconfigure or write files,
 * and keeps nothing on disk.
 */
public final class EmbeddedRedis implements EmbeddedService {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * Commands that could write files (CONFIG SET dir + SAVE), load code, replicate the data away or stop
     * the server; Redisson needs none of them. All exist in Redis 6.2 and 7, as rename-command requires.
     */
    private static final List<String> DISABLED_COMMANDS = List.of("CONFIG", "DEBUG", "MODULE", "SAVE", "BGSAVE",
            "BGREWRITEAOF", "SHUTDOWN", "SLAVEOF", "REPLICAOF", "SYNC", "PSYNC", "MIGRATE", "MONITOR", "ACL");

    private final Path program;
    private final Path dir;
    private final int port;
    private final String password;
    private final DirectoryLock lock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Process process;

    private EmbeddedRedis(Path program, Path dir, int port, String password, DirectoryLock lock) {
        this.program = program;
        this.dir = dir;
        this.port = port;
        this.password = password;
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
                String password = password(new PasswordFile(dir.resolve("password")));
                List<String> failures = new ArrayList<>();
                for (RedisProgram candidate : programs) {
                    try {
                        EmbeddedRedis redis = new EmbeddedRedis(candidate.locate(dir.resolve("bin")), dir, chosenPort,
                                password, lock);
                        redis.launch();
                        log.info("Redis ready at {} in {} ms", redis.address(), (System.nanoTime() - started) / 1_000_000);
                        return redis;
                    } catch (IOException e) {
                        log.warn("Could not run {}: {}", candidate, e.getMessage());
                        failures.add(candidate + ": " + e.getMessage());
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

    public String password() {
        return password;
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized boolean died() {
        return !stopped.get() && !process.isAlive();
    }

    @Override
    public synchronized void restart() {
        if (stopped.get()) {
            return;
        }
        try {
            launch();
            log.info("Redis is back at {}", address());
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart Redis in " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting Redis", e);
        }
    }

    @Override
    public String toString() {
        return "Redis on 127.0.0.1:" + port;
    }

    private static String password(PasswordFile file) throws IOException {
        var saved = file.read();
        if (saved.isPresent()) {
            return saved.get();
        }
        String fresh = PasswordFile.generate();
        file.write(fresh);
        return fresh;
    }

    private void launch() throws IOException, InterruptedException {
        Path logFile = dir.resolve("redis.log");
        // In a file, not on the command line, where every local user could read the password.
        Path config = PasswordFile.writePrivate(dir.resolve("redis.conf"), config());
        log.info("Starting Redis {} on 127.0.0.1:{}, log in {}", program, port, logFile);
        List<String> command = new ArrayList<>();
        // its own session: a Ctrl-C in the terminal must reach the JVM only, which stops Redis after draining
        ExecutablePath.find("setsid").ifPresent(setsid -> command.add(setsid.toString()));
        command.add(program.toString());
        command.add(config.toString());
        Process started = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        try {
            awaitPong(started);
        } catch (IOException e) {
            started.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            throw new IOException(e.getMessage() + "\n--- end of " + logFile + " ---\n" + LogTail.of(logFile), e);
        }
        process = started;
        Watchdog.guard(started.pid(), "TERM");
    }

    private String config() {
        StringBuilder config = new StringBuilder()
                .append("bind 127.0.0.1\n")
                .append("port ").append(port).append('\n')
                .append("protected-mode yes\n")
                .append("requirepass ").append(password).append('\n')
                .append("save \"\"\n")
                // fault statistics and throttle windows survive a restart, as the rules in PostgreSQL do
                .append("appendonly yes\n")
                .append("appendfsync everysec\n")
                .append("daemonize no\n");
        DISABLED_COMMANDS.forEach(command -> config.append("rename-command ").append(command).append(" \"\"\n"));
        return config.toString();
    }

    private void awaitPong(Process started) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!RedisProbe.ping(port, password)) {
            if (!started.isAlive()) {
                throw new IOException("it exited with code " + started.exitValue());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("it did not answer PING within " + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
        // A server that was already on the port may answer as well; make sure the answer came from ours.
        OptionalLong answering = RedisProbe.serverPid(port, password);
        if (answering.isPresent() && answering.getAsLong() != started.pid()) {
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

    private synchronized void stop() {
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
