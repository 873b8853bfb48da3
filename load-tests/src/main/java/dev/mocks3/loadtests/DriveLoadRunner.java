package dev.mocks3.loadtests;

import java.io.PrintStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the cloud drive (port 8888) where k6 is absent: seeds {@code --users} users holding
 * {@code --files} files between them (instant uploads of {@code --contents} distinct contents,
 * themselves uploaded once through presign), then measures with {@code --concurrency} clients:
 * login (with the password check's own time, from {@code Server-Timing}, reported apart), and a
 * mix of list folder, file details, instant upload and presign. Seeding is idempotent: a second
 * run reuses the users and files of the first. {@code --seed sql} writes the users and files with one
 * psql script ({@link DriveSqlSeed}) instead of 100,000 instant uploads; {@code --rate} paces every
 * client (open loop) instead of sending the next request as soon as the last one answered.
 *
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.DriveLoadRunner [--url http://localhost:8888]
 *     [--users 1000] [--files 100000] [--contents 100] [--concurrency 64] [--duration 30s] [--warmup 5s]
 *     [--seeded false] [--seed http|sql] [--data-dir DIR | --pg-url postgresql://user@host:port/db] [--psql psql]
 *     [--rate 0]
 * </pre>
 * The drive must be started with login limits that let the load through, e.g.
 * {@code --mocks3.drive.login-per-mobile=1000000 --mocks3.drive.login-per-address=1000000}.
 */
public final class DriveLoadRunner {
    static final String PASSWORD = "load-test-pass";
    static final int CONTENT_SIZE = 1024;
    static final int MAX_USERS = 100_000;
    static final int MAX_FILES = 10_000_000;

    /**
     * @param seeded the users and files of an earlier run are there: log in and measure, seed nothing
     * @param sqlSeed where to seed users and files with psql (null: over HTTP, one instant upload per file)
     * @param rate    requests per second each client sends, on a fixed schedule (0: the next as soon as the last answered)
     */
    record Options(String url, int users, int files, int contents, int concurrency, Duration duration, Duration warmup,
                   boolean seeded, DriveSqlSeed.Target sqlSeed, String psql, double rate, java.nio.file.Path tokens,
                   boolean measureLogin) {
        Options {
            if (users < 1 || users > MAX_USERS || files < users || files > MAX_FILES || contents < 1 || contents > 10_000
                    || concurrency < 1 || concurrency > S3LoadRunner.MAX_CONCURRENCY
                    || duration.isZero() || duration.isNegative() || duration.compareTo(S3LoadRunner.MAX_DURATION) > 0
                    || !(rate >= 0 && rate <= 10_000)) {
                throw new IllegalArgumentException("options out of range: " + users + " users, " + files + " files, "
                        + contents + " contents, " + concurrency + " clients, " + duration + ", rate " + rate);
            }
        }

        Options(String url, int users, int files, int contents, int concurrency, Duration duration, Duration warmup,
                boolean seeded) {
            this(url, users, files, contents, concurrency, duration, warmup, seeded, null, "psql", 0, null, true);
        }

        static Options parse(String... args) {
            String url = System.getenv().getOrDefault("MOCKS3_DRIVE_URL", "http://localhost:8888");
            int users = 1000;
            int files = 100_000;
            int contents = 100;
            int concurrency = 64;
            Duration duration = Duration.ofSeconds(30);
            Duration warmup = Duration.ofSeconds(5);
            boolean seeded = false;
            String seed = "http";
            String dataDir = null;
            String pgUrl = null;
            String psql = "psql";
            double rate = 0;
            java.nio.file.Path tokens = null;
            boolean measureLogin = true;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--users" -> users = Integer.parseInt(value);
                    case "--files" -> files = Integer.parseInt(value);
                    case "--contents" -> contents = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--duration" -> duration = S3LoadRunner.Options.duration(value);
                    case "--warmup" -> warmup = S3LoadRunner.Options.duration(value);
                    case "--seeded" -> seeded = Boolean.parseBoolean(value);
                    case "--seed" -> seed = value;
                    case "--data-dir" -> dataDir = value;
                    case "--pg-url" -> pgUrl = value;
                    case "--psql" -> psql = value;
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--tokens" -> tokens = java.nio.file.Path.of(value);
                    case "--login" -> measureLogin = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            DriveSqlSeed.Target target = null;
            if ("sql".equals(seed)) {
                if (dataDir == null && pgUrl == null) {
                    throw new IllegalArgumentException("--seed sql needs --data-dir (the local runner's) or --pg-url");
                }
                try {
                    target = pgUrl != null ? new DriveSqlSeed.Target(pgUrl, System.getenv().getOrDefault("PGPASSWORD", ""))
                            : DriveSqlSeed.Target.ofDataDir(java.nio.file.Path.of(dataDir));
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException("cannot find the runner's PostgreSQL: " + e.getMessage());
                }
            } else if (!"http".equals(seed)) {
                throw new IllegalArgumentException("--seed is http or sql");
            }
            return new Options(url, users, files, contents, concurrency, duration, warmup, seeded, target, psql, rate, tokens,
                    measureLogin);
        }
    }

    /** A seeded user: the token, and ids of some of its files. */
    record SeededUser(String mobile, String token, long[] fileIds) {
    }

    /** What was measured, per operation; {@code loginWithoutKdf} is login minus the server's password check. */
    record Report(List<OpStats> operations, long seedNanos, List<String> loadAverages) {
        boolean failed() {
            return operations.stream().anyMatch(op -> op.errors() > 0 || op.successes() == 0);
        }
    }

    private DriveLoadRunner() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Report report = run(options, System.out);
        print(options, report, System.out);
        System.exit(report.failed() ? 1 : 0);
    }

    static Report run(Options o, PrintStream log) throws Exception {
        DriveHttp drive = new DriveHttp(LoadTarget.of(o.url()));
        long seedStart = System.nanoTime();
        byte[][] contents = contents(o.contents());
        String[] shas = new String[contents.length];
        for (int c = 0; c < contents.length; c++) {
            shas[c] = sha256(contents[c]);
        }
        String[] tokens;
        if (o.sqlSeed() != null && !o.seeded()) {
            String first = register(drive, 0);
            seedContents(drive, first, contents, shas);
            DriveSqlSeed.seed(o.sqlSeed(), o.psql(), o.users(), o.files() / o.users(), shas, CONTENT_SIZE, log);
            refreshQuota(drive, first, shas[0]);
            tokens = tokens(drive, o, log);
        } else {
            tokens = tokens(drive, o, log);
            if (!o.seeded()) {
                seedContents(drive, tokens[0], contents, shas);
                seedFiles(drive, o, tokens, shas, log);
            }
        }
        SeededUser[] users = fileIds(drive, o, tokens);
        long seedNanos = System.nanoTime() - seedStart;
        log.printf(Locale.ROOT, "seeded %d users and %d files in %.1f s%n", o.users(), o.files(), seedNanos / 1e9);

        List<String> loads = new ArrayList<>();
        List<OpStats> results = new ArrayList<>();
        String before;
        if (o.measureLogin()) {
            measureLogins(drive, o, users, o.warmup());
            before = loadAverage();
            results.addAll(measureLogins(drive, o, users, o.duration()));
            loads.add("login: load average " + before + " before, " + loadAverage() + " after");
        }
        mix(drive, o, users, shas, o.warmup());
        before = loadAverage();
        results.addAll(mix(drive, o, users, shas, o.duration()));
        loads.add("mix: load average " + before + " before, " + loadAverage() + " after");
        return new Report(results, seedNanos, loads);
    }

    /** The 1-, 5- and 15-minute load averages (Linux), or "n/a". */
    static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "n/a";
        }
    }

    /** Registers user {@code u} (or logs in when registered already) and answers its token. */
    static String register(DriveHttp drive, int u) {
        String mobile = mobile(u);
        DriveHttp.Reply r = drive.post("/usercenter/v1/user/register", null,
                DriveHttp.json("mobile", mobile, "password", PASSWORD, "name", "load-" + u));
        if (r.code() == 200002) {
            r = drive.post("/usercenter/v1/user/login", null, DriveHttp.json("mobile", mobile, "password", PASSWORD));
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot seed user " + mobile + ": " + r.status() + " " + r.body());
        }
        return r.text("accessToken");
    }

    private static String[] seedUsers(DriveHttp drive, Options o, PrintStream log) throws InterruptedException {
        String[] tokens = new String[o.users()];
        AtomicInteger next = new AtomicInteger();
        ClientThreads.run(Math.min(o.concurrency(), 16), "seed-users", client -> {
            for (int u; (u = next.getAndIncrement()) < o.users(); ) {
                tokens[u] = register(drive, u);
            }
        });
        log.printf("%d users ready%n", o.users());
        return tokens;
    }

    static void seedContents(DriveHttp drive, String token, byte[][] contents, String[] shas) {
        for (int c = 0; c < contents.length; c++) {
            String name = "content-" + c;
            DriveHttp.Reply hit = drive.post("/file/v1/upload/instant", token,
                    DriveHttp.json("name", name, "size", CONTENT_SIZE, "sha256", shas[c], "onConflict", "rename"));
            if (hit.ok() && hit.body().contains("\"hit\":true")) {
                continue;
            }
            DriveHttp.Reply presign = drive.post("/file/v1/upload/presign", token,
                    DriveHttp.json("name", name, "size", CONTENT_SIZE, "sha256", shas[c], "onConflict", "rename"));
            String url = presign.text("url");
            int put = drive.putPresigned(url, "x-amz-checksum-sha256",
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(shas[c])), contents[c]);
            DriveHttp.Reply done = drive.post("/file/v1/upload/callback", token, DriveHttp.json("uploadId", presign.text("uploadId")));
            if (put != 200 || !done.ok()) {
                throw new IllegalStateException("cannot upload content " + c + ": PUT " + put + ", callback " + done.body());
            }
        }
    }

    private static void seedFiles(DriveHttp drive, Options o, String[] tokens, String[] shas, PrintStream log)
            throws InterruptedException {
        int perUser = o.files() / o.users();
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long total = (long) perUser * o.users();
        ClientThreads.run(o.concurrency(), "seed-files", client -> {
            for (long f; (f = next.getAndIncrement()) < total; ) {
                int user = (int) (f / perUser);
                int index = (int) (f % perUser);
                DriveHttp.Reply r = drive.post("/file/v1/upload/instant", tokens[user], DriveHttp.json("name", "file-" + index,
                        "size", CONTENT_SIZE, "sha256", shas[(int) (f % shas.length)]));
                // 300002: seeded by an earlier run
                if (!(r.ok() && r.body().contains("\"hit\":true")) && r.code() != 300002) {
                    failures.incrementAndGet();
                }
                if (f % 10_000 == 0 && f > 0) {
                    log.printf("%d files seeded%n", f);
                }
            }
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " files could not be seeded");
        }
    }

    /**
     * The users' tokens: from {@code --tokens FILE} when it holds one per user (an earlier run wrote it;
     * tokens live 2 hours), else by registering or logging in every user (a password check each) and
     * then written there.
     */
    private static String[] tokens(DriveHttp drive, Options o, PrintStream log) throws Exception {
        if (o.tokens() != null && java.nio.file.Files.exists(o.tokens())) {
            List<String> saved = java.nio.file.Files.readAllLines(o.tokens());
            if (saved.size() == o.users()) {
                log.printf("%d tokens from %s%n", saved.size(), o.tokens());
                return saved.toArray(String[]::new);
            }
        }
        String[] tokens = seedUsers(drive, o, log);
        if (o.tokens() != null) {
            java.nio.file.Files.write(o.tokens(), List.of(tokens));
        }
        return tokens;
    }

    private static SeededUser[] fileIds(DriveHttp drive, Options o, String[] tokens) throws InterruptedException {
        SeededUser[] users = new SeededUser[o.users()];
        AtomicInteger next = new AtomicInteger();
        ClientThreads.run(o.concurrency(), "file-ids", client -> {
            for (int u; (u = next.getAndIncrement()) < o.users(); ) {
                DriveHttp.Reply list = drive.get("/file/v1/file/list?parentId=0&limit=100", tokens[u]);
                long[] ids = list.numbers("id").stream().mapToLong(Long::longValue).toArray();
                users[u] = new SeededUser(mobile(u), tokens[u], ids);
            }
        });
        return users;
    }

    private static List<OpStats> measureLogins(DriveHttp drive, Options o, SeededUser[] users, Duration length)
            throws InterruptedException {
        List<LatencyLog> logins = new ArrayList<>();
        List<LatencyLog> withoutKdf = new ArrayList<>();
        List<LatencyLog> kdf = new ArrayList<>();
        for (int c = 0; c < o.concurrency(); c++) {
            logins.add(new LatencyLog());
            withoutKdf.add(new LatencyLog());
            kdf.add(new LatencyLog());
        }
        long phaseStart = System.nanoTime();
        long deadline = phaseStart + length.toNanos();
        long elapsed = ClientThreads.run(o.concurrency(), "login", client -> {
            SplittableRandom random = new SplittableRandom(client);
            Pacer pacer = new Pacer(o.rate(), phaseStart, client, o.concurrency());
            while (System.nanoTime() < deadline) {
                SeededUser user = users[random.nextInt(users.length)];
                long start = pacer.awaitTurn();
                if (start >= deadline) {
                    break;
                }
                DriveHttp.Reply r = drive.post("/usercenter/v1/user/login", null, DriveHttp.json("mobile", user.mobile(), "password", PASSWORD));
                long took = System.nanoTime() - start;
                if (!r.ok() || Double.isNaN(r.kdfMillis())) {
                    logins.get(client).error();
                    continue;
                }
                long kdfNanos = (long) (r.kdfMillis() * 1_000_000);
                logins.get(client).record(took);
                kdf.get(client).record(kdfNanos);
                withoutKdf.get(client).record(Math.max(0, took - kdfNanos));
            }
        });
        return List.of(LatencyLog.merge("login", logins, elapsed), LatencyLog.merge("login without KDF", withoutKdf, elapsed),
                LatencyLog.merge("KDF (Argon2id, queue included)", kdf, elapsed));
    }

    private static List<OpStats> mix(DriveHttp drive, Options o, SeededUser[] users, String[] shas, Duration length)
            throws InterruptedException {
        String[] ops = {"list folder", "file details", "instant upload", "presign"};
        List<List<LatencyLog>> logs = new ArrayList<>();
        for (String op : ops) {
            List<LatencyLog> perClient = new ArrayList<>();
            for (int c = 0; c < o.concurrency(); c++) {
                perClient.add(new LatencyLog());
            }
            logs.add(perClient);
        }
        long runId = System.currentTimeMillis();
        long phaseStart = System.nanoTime();
        long deadline = phaseStart + length.toNanos();
        long elapsed = ClientThreads.run(o.concurrency(), "mix", client -> {
            SplittableRandom random = new SplittableRandom(runId + client);
            Pacer pacer = new Pacer(o.rate(), phaseStart, client, o.concurrency());
            // a round is one of each operation, so that every operation is measured however short the run
            for (long n = 0; System.nanoTime() < deadline; n++) {
                SeededUser user = users[random.nextInt(users.length)];
                for (int op = 0; op < ops.length; op++) {
                    String name = "mix-" + runId + "-" + client + "-" + n;
                    String sha = shas[random.nextInt(shas.length)];
                    long start = pacer.awaitTurn();
                    DriveHttp.Reply r = switch (op) {
                        case 0 -> drive.get("/file/v1/file/list?parentId=0&limit=50", user.token());
                        case 1 -> drive.get("/file/v1/file/detail?id=" + user.fileIds()[random.nextInt(user.fileIds().length)],
                                user.token());
                        case 2 -> drive.post("/file/v1/upload/instant", user.token(),
                                DriveHttp.json("name", name, "size", CONTENT_SIZE, "sha256", sha));
                        default -> drive.post("/file/v1/upload/presign", user.token(),
                                DriveHttp.json("name", "presign-" + name, "size", CONTENT_SIZE, "sha256", sha));
                    };
                    long took = System.nanoTime() - start;
                    if (r.ok() && (op != 2 || r.body().contains("\"hit\":true"))) {
                        logs.get(op).get(client).record(took);
                    } else {
                        logs.get(op).get(client).error();
                    }
                }
            }
        });
        List<OpStats> stats = new ArrayList<>();
        for (int op = 0; op < ops.length; op++) {
            stats.add(LatencyLog.merge(ops[op], logs.get(op), elapsed));
        }
        return stats;
    }

    static void print(Options o, Report report, PrintStream out) {
        out.printf(Locale.ROOT, "%n%d users, %d files, %d clients, %s per phase, %s%n%n", o.users(), o.files(), o.concurrency(),
                o.duration(), o.rate() > 0 ? String.format(Locale.ROOT, "paced: %.2f requests/s per client (latency counted "
                        + "from when each request was due)", o.rate()) : "closed loop (no think time)");
        out.println("| operation | requests | req/s | p50 ms | p99 ms | max ms | errors |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (OpStats op : report.operations()) {
            out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d |%n", op.operation(), op.successes(),
                    op.requestsPerSecond(), op.percentileMillis(50), op.percentileMillis(99), op.percentileMillis(100), op.errors());
        }
        out.println();
        report.loadAverages().forEach(out::println);
    }

    /**
     * A user's quota was cached in Redis by the content uploads, before psql added its files: one more
     * charge (an instant upload of a known content) makes the drive cache what PostgreSQL now says.
     */
    static void refreshQuota(DriveHttp drive, String token, String sha) {
        DriveHttp.Reply refresh = drive.post("/file/v1/upload/instant", token, DriveHttp.json("name", "seeded",
                "size", CONTENT_SIZE, "sha256", sha, "onConflict", "rename"));
        if (!refresh.ok()) {
            throw new IllegalStateException("cannot refresh the quota: " + refresh.body());
        }
    }

    static String mobile(int user) {
        return String.format("150%08d", user);
    }

    /** Distinct deterministic contents, so that every run instant-uploads the same ones. */
    static byte[][] contents(int count) {
        byte[][] contents = new byte[count][CONTENT_SIZE];
        for (int c = 0; c < count; c++) {
            ClientThreads.randomise(contents[c], new SplittableRandom(1_000_003L * (c + 1)));
        }
        return contents;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
