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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server for the local runner, from the binaries in the zonky jar. The cluster lives in
 * {@code workDir/pgdata} and survives restarts; binaries, sockets, log, lock and the generated password
 * ({@code workDir/postgres/password}, mode 0600) live in {@code workDir/postgres}. It listens on 127.0.0.1
 * only and asks every client for that password (SCRAM).
 */
public final class EmbeddedPostgres implements EmbeddedService {
    /** How often autovacuum looks at each database (PostgreSQL's default is 1min). */
    static final String AUTOVACUUM_NAPTIME = "5s";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

    private static final String DATABASE = "mocks3";
    private static final String USER = "mocks3";
    /** Written at every start, so a cluster from a version that trusted every local user is closed too. */
    private static final String HBA = """
            # Written by MockS3 at every start: every connection needs the password in ../postgres/password.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;
    private static final Duration PROGRAM_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration LEFTOVER_TIMEOUT = Duration.ofSeconds(30);
    /** A Unix socket path holds at most 107 bytes; the server adds /.s.PGSQL.65535.lock to the directory. */
    private static final int MAX_SOCKET_DIR_LENGTH = 107 - "/.s.PGSQL.65535.lock".length();

    private final Path workDir;
    private final Path service;
    private final Path home;
    private final Path dataDir;
    private final Path logFile;
    private final RunAs runAs;
    private final DirectoryLock lock;
    private final PasswordFile passwordFile;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private Path socketDir;
    private boolean socketDirIsTemporary;
    private int port;
    private String password;
    private boolean running;
    private long postmasterPid;

    private EmbeddedPostgres(Path workDir, Path service, Path home, RunAs runAs, DirectoryLock lock) {
        this.workDir = workDir;
        this.service = service;
        this.home = home;
        this.dataDir = workDir.resolve("pgdata");
        this.logFile = service.resolve("postgres.log");
        this.runAs = runAs;
        this.lock = lock;
        this.passwordFile = new PasswordFile(service.resolve("password"));
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
                postgres = new EmbeddedPostgres(work, service, home, runAs, lock);
            } catch (IOException | InterruptedException | RuntimeException e) {
                lock.close();
                throw e;
            }
            try {
                postgres.boot(FreePort.pickIfZero(port));
            } catch (IOException | InterruptedException | RuntimeException e) {
                postgres.stop();
                throw e;
            }
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
        return password;
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown: open transactions are rolled back). */
    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized boolean died() {
        return running && !stopped.get() && !ProcStatus.running(postmasterPid);
    }

    @Override
    public synchronized void restart() {
        if (stopped.get()) {
            return;
        }
        try {
            running = false;
            stopLeftovers();
            startServer();
            log.info("PostgreSQL is back at {}", jdbcUrl());
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart PostgreSQL in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting PostgreSQL", e);
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL on 127.0.0.1:" + port;
    }

    private void boot(int chosenPort) throws IOException, InterruptedException {
        this.port = chosenPort;
        if (!Files.exists(logFile)) {
            Files.createFile(logFile);
        }
        runAs.own(logFile);
        Optional<String> saved = passwordFile.read();
        password = saved.orElseGet(PasswordFile::generate);
        boolean created = createClusterIfMissing();
        stopLeftovers();
        if (saved.isEmpty()) {
            if (!created) {
                setPasswordOffline(); // a cluster from before passwords, or whose password file was deleted
            }
            passwordFile.write(password);
        }
        Files.writeString(dataDir.resolve("pg_hba.conf"), HBA);
        startServer();
        createDatabaseIfMissing();
    }

    private void startServer() throws IOException, InterruptedException {
        prepareSocketDir();
        log.info("Starting PostgreSQL on 127.0.0.1:{} as user {}, log in {}", port, runAs.user(), logFile);
        try {
            // autovacuum every 5 s (default 1 min): small objects' bytes live in blobs rows (state V21), whose
            // dead 8 KB versions are reusable only once vacuumed (V22)
            pgCtl("start", "-D", dataDir.toString(), "-l", logFile.toString(), "-w", "-t", timeoutSeconds(),
                    "-o", "-h 127.0.0.1 -p " + port + " -k " + shellQuoted(socketDir.toString())
                            + " -c autovacuum_naptime=" + AUTOVACUUM_NAPTIME);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start on 127.0.0.1:" + port + ": " + e.getMessage()
                    + "\n--- end of " + logFile + " ---\n" + LogTail.of(logFile), e);
        }
        running = true;
        postmasterPid = postmasterPid(dataDir.resolve("postmaster.pid"));
        Watchdog.guard(postmasterPid, "INT"); // SIGINT is PostgreSQL's fast shutdown
    }

    /** Creates the cluster with the password as the only way in; true when it was created now. */
    private boolean createClusterIfMissing() throws IOException, InterruptedException {
        if (Files.exists(dataDir.resolve("PG_VERSION"))) {
            log.info("Using PostgreSQL cluster in {}", dataDir);
            return false;
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
        Path pwfile = PasswordFile.writePrivate(service.resolve("initdb-password"), password);
        try {
            runAs.own(pwfile);
            runAs.command(workDir, program("initdb").toString(), "-D", fresh.toString(), "-U", USER,
                    "--auth=scram-sha-256", "--pwfile=" + pwfile, "--encoding=UTF8", "--locale=C", "--no-sync")
                    .run(PROGRAM_TIMEOUT);
        } finally {
            Files.deleteIfExists(pwfile);
        }
        Files.move(fresh, dataDir, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Gives the superuser the password in single-user mode, which needs no login and opens no port. */
    private void setPasswordOffline() throws IOException, InterruptedException {
        log.info("Setting a password for PostgreSQL user {}, kept in {}", USER, passwordFile.path());
        Path sql = PasswordFile.writePrivate(service.resolve("set-password.sql"),
                "ALTER ROLE " + USER + " PASSWORD '" + password + "'\n");
        try {
            String output = runAs.command(workDir, program("postgres").toString(), "--single", "-D", dataDir.toString(),
                    "-c", "password_encryption=scram-sha-256", "postgres").runReading(sql, PROGRAM_TIMEOUT);
            if (output.contains("ERROR")) {
                throw new IOException("could not set the password of " + USER + ":\n" + output);
            }
        } finally {
            Files.deleteIfExists(sql);
        }
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

    private void prepareSocketDir() throws IOException, InterruptedException {
        Path preferred = service.resolve("run");
        socketDirIsTemporary = preferred.toString().length() > MAX_SOCKET_DIR_LENGTH;
        if (socketDirIsTemporary) {
            if (socketDir != null) {
                FileTree.delete(socketDir); // the one of the server that died before this restart
            }
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
        try (Connection connection = DriverManager.getConnection(url, USER, password);
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

    private synchronized void stop() {
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
