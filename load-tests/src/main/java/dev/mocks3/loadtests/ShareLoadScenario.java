package dev.mocks3.loadtests;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads the drive's shares (issue 10's figures): one owner's drive of {@code --files} files, a
 * folder of {@code --folder-files} of them shared {@code --shares} times; then {@code --concurrency}
 * clients open random shares with their code (validate) and list the shared folder with a share
 * token (share listing, 50 entries a page), each phase a warm-up and {@code --duration}. Seeding
 * is idempotent: a second run reuses the owner's files (instant uploads of one 1 KiB content).
 *
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.ShareLoadScenario [--url http://localhost:8888]
 *     [--files 10000] [--folder-files 1000] [--shares 100] [--concurrency 64] [--duration 30s] [--warmup 5s]
 * </pre>
 * Only right codes are sent, so the drive's wrong-code limits never stand in the way.
 */
public final class ShareLoadScenario {
    static final String MOBILE = "15200000000";
    static final String PASSWORD = "share-load-pass";
    static final int PER_FOLDER = 1000;
    static final int CONTENT_SIZE = 1024;
    static final int MAX_FILES = 1_000_000;

    record Options(String url, int files, int folderFiles, int shares, int concurrency, Duration duration, Duration warmup,
                   double rate, boolean seeded) {
        Options {
            if (files < folderFiles || folderFiles < 1 || files > MAX_FILES || shares < 1 || shares > 10_000
                    || concurrency < 1 || concurrency > S3LoadRunner.MAX_CONCURRENCY
                    || duration.isZero() || duration.isNegative() || duration.compareTo(S3LoadRunner.MAX_DURATION) > 0) {
                throw new IllegalArgumentException("options out of range: " + files + " files, " + folderFiles + " in the folder, "
                        + shares + " shares, " + concurrency + " clients, " + duration);
            }
        }

        static Options parse(String... args) {
            String url = System.getenv().getOrDefault("MOCKS3_DRIVE_URL", "http://localhost:8888");
            int files = 10_000;
            int folderFiles = 1000;
            int shares = 100;
            int concurrency = 64;
            Duration duration = Duration.ofSeconds(30);
            Duration warmup = Duration.ofSeconds(5);
            double rate = 0;
            boolean seeded = false;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--files" -> files = Integer.parseInt(value);
                    case "--folder-files" -> folderFiles = Integer.parseInt(value);
                    case "--shares" -> shares = Integer.parseInt(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--duration" -> duration = S3LoadRunner.Options.duration(value);
                    case "--warmup" -> warmup = S3LoadRunner.Options.duration(value);
                    case "--rate" -> rate = Double.parseDouble(value);
                    case "--seeded" -> seeded = Boolean.parseBoolean(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(url, files, folderFiles, shares, concurrency, duration, warmup, rate, seeded);
        }
    }

    /** A share the clients open: its key and code. */
    record OpenShare(String key, String code) {
    }

    private ShareLoadScenario() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        DriveHttp drive = new DriveHttp(LoadTarget.of(o.url()));
        long seedStart = System.nanoTime();
        String token = owner(drive);
        long shared = folder(drive, token, "shared");
        if (!o.seeded()) {
            String sha = content(drive, token);
            seedFolder(drive, o, token, shared, "shared-", o.folderFiles(), sha, System.out);
            int rest = o.files() - o.folderFiles();
            for (int f = 0; f * PER_FOLDER < rest; f++) {
                long bulk = folder(drive, token, "bulk-" + f);
                seedFolder(drive, o, token, bulk, "bulk-" + f + "-", Math.min(PER_FOLDER, rest - f * PER_FOLDER), sha, System.out);
            }
        }
        List<OpenShare> shares = createShares(drive, o, token, shared);
        System.out.printf(Locale.ROOT, "seeded %d files, %d shares in %.1f s%n", o.files(), o.shares(),
                (System.nanoTime() - seedStart) / 1e9);

        List<OpStats> results = new ArrayList<>();
        String loadBefore = "";
        for (boolean measured : new boolean[] {false, true}) {
            if (measured) {
                loadBefore = DriveLoadRunner.loadAverage();
            }
            Duration length = measured ? o.duration() : o.warmup();
            OpStats validate = validate(drive, o, shares, length);
            OpStats listing = listing(drive, o, shares, shared, length);
            if (measured) {
                results.add(validate);
                results.add(listing);
            }
        }
        print(o, results, System.out);
        System.out.printf("load average (1, 5, 15 min): %s before the measured phases, %s after%n", loadBefore,
                DriveLoadRunner.loadAverage());
        System.exit(results.stream().anyMatch(op -> op.errors() > 0 || op.successes() == 0) ? 1 : 0);
    }

    static String owner(DriveHttp drive) {
        DriveHttp.Reply r = drive.post("/usercenter/v1/user/register", null,
                DriveHttp.json("mobile", MOBILE, "password", PASSWORD, "name", "share-load"));
        if (r.code() == 200002) {
            r = drive.post("/usercenter/v1/user/login", null, DriveHttp.json("mobile", MOBILE, "password", PASSWORD));
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot log the owner in: " + r.status() + " " + r.body());
        }
        return r.text("accessToken");
    }

    /** The one 1 KiB content every file holds, uploaded once (presign, PUT, callback) unless known. */
    static String content(DriveHttp drive, String token) {
        byte[] bytes = new byte[CONTENT_SIZE];
        ClientThreads.randomise(bytes, new SplittableRandom(20_261_206L));
        String sha;
        try {
            sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String declared = DriveHttp.json("name", "content", "size", bytes.length, "sha256", sha, "onConflict", "rename");
        DriveHttp.Reply hit = drive.post("/file/v1/upload/instant", token, declared);
        if (hit.ok() && hit.body().contains("\"hit\":true")) {
            return sha;
        }
        DriveHttp.Reply presign = drive.post("/file/v1/upload/presign", token, declared);
        int put = drive.putPresigned(presign.text("url"), "x-amz-checksum-sha256",
                Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)), bytes);
        DriveHttp.Reply done = drive.post("/file/v1/upload/callback", token, DriveHttp.json("uploadId", presign.text("uploadId")));
        if (put != 200 || !done.ok()) {
            throw new IllegalStateException("cannot upload the content: PUT " + put + ", callback " + done.body());
        }
        return sha;
    }

    /** The id of the owner's root folder {@code name}, created when missing. */
    private static long folder(DriveHttp drive, String token, String name) {
        DriveHttp.Reply r = drive.post("/file/v1/folder/create", token, DriveHttp.json("parentId", 0, "name", name));
        if (r.ok()) {
            return r.numbers("id").get(0);
        }
        String cursor = "";
        while (true) {
            DriveHttp.Reply page = drive.get("/file/v1/file/list?parentId=0&limit=1000" + (cursor.isEmpty() ? "" : "&cursor=" + cursor), token);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),\"parentId\":0,\"name\":\"" + name + "\"")
                    .matcher(page.body());
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
            cursor = page.text("nextCursor");
            if (cursor == null) {
                throw new IllegalStateException("folder " + name + " neither created nor found: " + r.body());
            }
        }
    }

    private static void seedFolder(DriveHttp drive, Options o, String token, long folder, String prefix, int count, String sha,
                                   PrintStream log) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ClientThreads.run(Math.min(o.concurrency(), 16), "seed-" + prefix, client -> {
            for (long f; (f = next.getAndIncrement()) < count; ) {
                DriveHttp.Reply r = drive.post("/file/v1/upload/instant", token, DriveHttp.json("parentId", folder,
                        "name", prefix + f, "size", CONTENT_SIZE, "sha256", sha));
                // 300002: seeded by an earlier run
                if (!(r.ok() && r.body().contains("\"hit\":true")) && r.code() != 300002) {
                    failures.incrementAndGet();
                }
            }
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " files of " + prefix + " could not be seeded");
        }
        log.printf("%s: %d files%n", prefix, count);
    }

    private static List<OpenShare> createShares(DriveHttp drive, Options o, String token, long folder) {
        List<OpenShare> shares = new ArrayList<>();
        for (int s = 0; s < o.shares(); s++) {
            String code = String.format(Locale.ROOT, "s%03d", s % 1000);
            DriveHttp.Reply r = drive.post("/share/v1/share/create", token,
                    DriveHttp.json("ids", Long.toString(folder), "code", code, "expireDays", 1));
            if (!r.ok()) {
                throw new IllegalStateException("cannot create a share: " + r.body());
            }
            shares.add(new OpenShare(r.text("shareKey"), code));
        }
        return shares;
    }

    private static OpStats validate(DriveHttp drive, Options o, List<OpenShare> shares, Duration length) throws InterruptedException {
        List<LatencyLog> logs = logs(o);
        long begin = System.nanoTime();
        long deadline = begin + length.toNanos();
        long elapsed = ClientThreads.run(o.concurrency(), "validate", client -> {
            SplittableRandom random = new SplittableRandom(client);
            Pacer pacer = new Pacer(o.rate(), begin, client, o.concurrency());
            for (long start = pacer.awaitTurn(); start < deadline; start = pacer.awaitTurn()) {
                OpenShare share = shares.get(random.nextInt(shares.size()));
                DriveHttp.Reply r = drive.post("/share/v1/share/validate", null,
                        DriveHttp.json("shareKey", share.key(), "code", share.code()));
                record(logs.get(client), r.ok() && r.text("shareToken") != null, System.nanoTime() - start);
            }
        });
        return LatencyLog.merge("share validate", logs, elapsed);
    }

    /** Each client opens a share once, then lists pages of the shared folder (50 entries) with its token. */
    private static OpStats listing(DriveHttp drive, Options o, List<OpenShare> shares, long folder, Duration length)
            throws InterruptedException {
        List<LatencyLog> logs = logs(o);
        String[] tokens = new String[o.concurrency()];
        for (int c = 0; c < tokens.length; c++) {
            OpenShare share = shares.get(c % shares.size());
            tokens[c] = drive.post("/share/v1/share/validate", null, DriveHttp.json("shareKey", share.key(), "code", share.code()))
                    .text("shareToken");
        }
        long begin = System.nanoTime();
        long deadline = begin + length.toNanos();
        long elapsed = ClientThreads.run(o.concurrency(), "share-list", client -> {
            String cursor = "";
            Pacer pacer = new Pacer(o.rate(), begin, client, o.concurrency());
            for (long start = pacer.awaitTurn(); start < deadline; start = pacer.awaitTurn()) {
                DriveHttp.Reply r = drive.get("/share/v1/share/files?parentId=" + folder + "&limit=50&shareToken=" + tokens[client]
                        + (cursor.isEmpty() ? "" : "&cursor=" + cursor), null);
                record(logs.get(client), r.ok() && r.body().contains("\"list\":["), System.nanoTime() - start);
                String next = r.text("nextCursor");
                cursor = next == null ? "" : next;
            }
        });
        return LatencyLog.merge("share listing (folder page of 50)", logs, elapsed);
    }

    private static List<LatencyLog> logs(Options o) {
        List<LatencyLog> logs = new ArrayList<>();
        for (int c = 0; c < o.concurrency(); c++) {
            logs.add(new LatencyLog());
        }
        return logs;
    }

    private static void record(LatencyLog log, boolean ok, long nanos) {
        if (ok) {
            log.record(nanos);
        } else {
            log.error();
        }
    }

    static void print(Options o, List<OpStats> results, PrintStream out) {
        out.printf(Locale.ROOT, "%n%d files (%d in the shared folder), %d shares, %d clients, %s per phase%n%n", o.files(),
                o.folderFiles(), o.shares(), o.concurrency(), o.duration());
        out.println("| operation | requests | req/s | p50 ms | p99 ms | max ms | errors |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (OpStats op : results) {
            out.printf(Locale.ROOT, "| %s | %d | %.0f | %.2f | %.2f | %.2f | %d |%n", op.operation(), op.successes(),
                    op.requestsPerSecond(), op.percentileMillis(50), op.percentileMillis(99), op.percentileMillis(100), op.errors());
        }
    }
}
