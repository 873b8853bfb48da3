package dev.mocks3.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server for the local runner, from the binaries in the zonky jar. The cluster lives in
 * {@code workDir/pgdata} and survives restarts; binaries, sockets, log and lock live in {@code workDir/postgres}.
 * It listens on 127.0.0.1 only, with trust authentication.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private static final String DATABASE = "mocks3";
    private static final String USER = "mocks3";
    /** Trust authentication never asks for it; it is here for clients that insist on one. */
    private static final String PASSWORD = "mocks3";
    private static final Duration PROGRAM_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LEFTOVER_TIMEOUT = Duration.ofSeconds(30);
    /** A Unix socket path holds at most 107 bytes; the server adds /.s.PGSQL.65535.lock to the directory. */
    private static final int MAX_SOCKET_DIR_LENGTH = 107 - "/.s.PGSQL.65535.lock".length();

    private final Path workDir;
    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final RunAs runAs;
    private final DirectoryLock lock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stop, "embedded-postgres-stop");
    private Path socketDir;
    private boolean socketDirIsTemporary;
    private int port;
    private boolean running;

    private EmbeddedPostgres(Path workDir, Path home, Path dataDir, Path logFile, RunAs runAs, DirectoryLock lock) {
        this.workDir = workDir;
        this.home = home;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.runAs = runAs;
        this.lock = lock;
    }

    /**
     * Starts PostgreSQL with its data in {@code workDir/pgdata}, creating the cluster and the database
     * {@code mocks3} the first time. Port 0 picks a free port.
     */
    public static EmbeddedPostgres start(Path workDir, int port) {
        long started = System.nanoTime();
        try {
            Path work = workDir.toAbsolutePath().normalize();
            Path service = work.resolve("postgres");
            DirectoryLock lock = DirectoryLock.acquire(service, "PostgreSQL");
            EmbeddedPostgres postgres;
            try {
                RunAs runAs = RunAs.forPostgres();
                if (runAs.switchesUser()) {
                    RunAs.openForPassage(work);
                    RunAs.openForPassage(service);
                    runAs.requireReachable(service);
                }
                Path home = PostgresBinaries.unpack(service.resolve("binaries"));
                postgres = new EmbeddedPostgres(work, home, work.resolve("pgdata"), service.resolve("postgres.log"),
                        runAs, lock);
            } catch (IOException | InterruptedException | RuntimeException e) {
                lock.close();
                throw e;
            }
            try {
                postgres.boot(service, FreePort.pickIfZero(port));
            } catch (IOException | InterruptedException | RuntimeException e) {
                postgres.stop();
                throw e;
            }
            Runtime.getRuntime().addShutdownHook(postgres.shutdownHook);
            log.info("PostgreSQL ready at {} in {} ms", postgres.jdbcUrl(), (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PostgreSQL in " + workDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String r2dbcUrl() {
        return "r2dbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
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

    private void boot(Path service, int chosenPort) throws IOException, InterruptedException {
        this.port = chosenPort;
        if (!Files.exists(logFile)) {
            Files.createFile(logFile);
        }
        runAs.own(logFile);
        createClusterIfMissing();
        stopLeftovers();
        prepareSocketDir(service);
        log.info("Starting PostgreSQL on 127.0.0.1:{} as user {}, log in {}", port, runAs.user(), logFile);
        try {
            pgCtl("start", "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", timeoutSeconds(),
                    "-o", "-h 127.0.0.1 -p " + port + " -k " + shellQuoted(socketDir.toString()));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:" + port + ": " + e.getMessage()
                    + "\n--- end of " + logFile + " ---\n" + LogTail.of(logFile), e);
        }
        running = true;
        createDatabaseIfMissing();
    }

    private void createClusterIfMissing() throws IOException, InterruptedException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            log.info("Using PostgreSQL cluster in {}", dataDir);
            return;
        }
        if (Files.exists(dataDir)) {
            try (Stream<Path> entries = Files.list(dataDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalStateException(dataDir + " is not empty and holds no PostgreSQL cluster");
                }
            }
            Files.delete(dataDir);
        }
        // initdb works in a side directory that is renamed when complete, so a killed initdb leaves no half cluster.
        Path fresh = dataDir.resolveSibling(dataDir.getFileName() + ".initdb");
        FileTree.delete(fresh);
        Files.createDirectories(fresh);
        runAs.own(fresh);
        log.info("Creating PostgreSQL cluster in {}", dataDir);
        runAs.command(workDir, program("initdb").toString(), "-D", fresh.toString(), "-U", USER, "--auth=trust",
                "--encoding=UTF8", "--locale=C", "--no-sync").run(PROGRAM_TIMEOUT);
        Files.move(fresh, dataDir, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A run killed without stopping PostgreSQL leaves postmaster.pid behind, perhaps with the server
     * still running. Stop such a server; otherwise remove the file, whose pid may since belong to
     * another process and would make PostgreSQL refuse to start.
     */
    private void stopLeftovers() throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = postmasterPid(pidFile);
        List<ProcessHandle> inside = Leftovers.workingIn(dataDir, "postgres");
        if (inside.stream().anyMatch(process -> process.pid() == pid)) {
            log.info("Stopping PostgreSQL (pid {}) left running by an earlier run", pid);
            pgCtl("stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", timeoutSeconds());
            return;
        }
        // Backends of a killed postmaster notice its death and exit; a new postmaster must not meet them.
        if (!Leftovers.awaitNoneIn(dataDir, "postgres", LEFTOVER_TIMEOUT)) {
            throw new IllegalStateException("processes " + Leftovers.workingIn(dataDir, "postgres").stream()
                    .map(process -> Long.toString(process.pid())).toList() + " still run in " + dataDir
                    + " without their postmaster; stop them before starting PostgreSQL");
        }
        log.info("Removing stale {} (pid {} is no PostgreSQL of this cluster)", pidFile, pid);
        Files.delete(pidFile);
    }

    private void prepareSocketDir(Path service) throws IOException, InterruptedException {
        Path preferred = service.resolve("run");
        socketDirIsTemporary = preferred.toString().length() > MAX_SOCKET_DIR_LENGTH;
        if (socketDirIsTemporary) {
            socketDir = Files.createTempDirectory("mocks3-pg-");
        } else {
            socketDir = preferred;
            FileTree.delete(socketDir); // stale sockets and their lock files from a killed run
            Files.createDirectories(socketDir);
        }
        runAs.own(socketDir);
    }

    private void createDatabaseIfMissing() {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
            log.info("Creating database {}", DATABASE);
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE + " through " + url, e);
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (running) {
                log.info("Stopping PostgreSQL on 127.0.0.1:{}", port);
                pgCtl("stop", "-D", dataDir.toString(), "-m", "fast", "-w", "-t", timeoutSeconds());
            }
            if (socketDirIsTemporary) {
                FileTree.delete(socketDir);
            }
        } catch (IOException e) {
            log.warn("Could not stop PostgreSQL on 127.0.0.1:{}: {}", port, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while stopping PostgreSQL on 127.0.0.1:{}", port);
        } finally {
            try {
                lock.close();
            } catch (IOException e) {
                log.warn("Could not release the lock on {}: {}", workDir.resolve("postgres"), e.getMessage());
            }
        }
    }

    private void pgCtl(String... args) throws IOException, InterruptedException {
        String[] line = Stream.concat(Stream.of(program("pg_ctl").toString()), Stream.of(args)).toArray(String[]::new);
        runAs.command(workDir, line).run(PROGRAM_TIMEOUT.plusSeconds(10));
    }

    private Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    private static String timeoutSeconds() {
        return Long.toString(PROGRAM_TIMEOUT.toSeconds());
    }

    private static long postmasterPid(Path pidFile) throws IOException {
        try (Stream<String> lines = Files.lines(pidFile)) {
            return Long.parseLong(lines.findFirst().orElse("").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** pg_ctl hands the -o options to /bin/sh, so a path in them must be quoted for it. */
    private static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
