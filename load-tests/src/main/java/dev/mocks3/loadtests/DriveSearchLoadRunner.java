package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drive search under load: one user's drive of {@code --files} files (named from English and
 * Chinese words, a number and an extension, seeded by instant upload of one 1 KiB content), then
 * {@code --concurrency} clients searching for {@code --duration} each: whole words, word prefixes
 * and substrings (English and Chinese). Reports p50/p99 per kind and the load average. Talks to the
 * drive port only ({@code --url}, loopback only); {@code --seeded true} skips the seeding of an earlier run.
 */
public final class DriveSearchLoadRunner {
    static final String MOBILE = "13900007777";
    static final String PASSWORD = "search-load-pass";
    static final int CONTENT_SIZE = 1024;
    static final String[] WORDS = {"report", "budget", "holiday", "photo", "invoice", "contract", "meeting", "notes", "draft",
        "final", "summary", "plan", "design", "backup", "music", "video", "project", "review", "季度", "报告", "年度", "总结",
        "合同", "会议", "照片", "预算", "设计", "项目"};
    static final String[] EXTENSIONS = {".pdf", ".docx", ".jpg", ".png", ".mp4", ".mp3", ".zip", ".txt", ".xlsx", ""};
    static final String[][] QUERIES = {
        {"word", "match=word", "report", "budget", "invoice", "meeting", "summary"},
        {"prefix", "match=prefix", "rep", "budg", "hol", "inv", "季度"},
        {"substring", "match=any", "eport", "udge", "oliday", "报告", "预算"},
    };

    private DriveSearchLoadRunner() {
    }

    record Options(String url, int files, int concurrency, Duration duration, Duration warmup, boolean seeded,
                   double rate) {
        static Options parse(String... args) {
            String url = "http://localhost:8888";
            int files = 20_000;
            int concurrency = 64;
            Duration duration = Duration.ofSeconds(30);
            Duration warmup = Duration.ofSeconds(5);
            boolean seeded = false;
            double rate = 0;
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--url" -> url = args[i + 1];
                    case "--files" -> files = Integer.parseInt(args[i + 1]);
                    case "--concurrency" -> concurrency = Integer.parseInt(args[i + 1]);
                    case "--duration" -> duration = Duration.parse("PT" + args[i + 1].toUpperCase());
                    case "--warmup" -> warmup = Duration.parse("PT" + args[i + 1].toUpperCase());
                    case "--seeded" -> seeded = Boolean.parseBoolean(args[i + 1]);
                    case "--rate" -> rate = Double.parseDouble(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (files < 1 || files > 1_000_000 || concurrency < 1 || concurrency > 1024 || duration.toMinutes() > 10) {
                throw new IllegalArgumentException("files 1-1000000, concurrency 1-1024, duration at most 10m");
            }
            return new Options(url, files, concurrency, duration, warmup, seeded, rate);
        }
    }

    public static void main(String[] args) throws Exception {
        List<OpStats> stats = run(Options.parse(args), System.out);
        if (stats.stream().anyMatch(op -> op.errors() > 0)) {
            System.exit(1);
        }
    }

    /** Seeds (unless told it was), measures each kind of search, prints the table; answers the figures. */
    static List<OpStats> run(Options o, PrintStream out) throws Exception {
        DriveHttp drive = new DriveHttp(LoadTarget.of(o.url()));
        String token = login(drive);
        if (!o.seeded()) {
            seed(drive, token, o, out);
        } else if (indexed(drive, token) < o.files()) {
            throw new IllegalStateException("--seeded true, but fewer than " + o.files() + " files are indexed");
        }
        out.printf("load average before: %s%n", loadAverage());
        out.println("| search | clients | requests | req/s | p50 ms | p99 ms | errors |");
        out.println("|---|---|---|---|---|---|---|");
        List<OpStats> all = new ArrayList<>();
        for (String[] kind : QUERIES) {
            measure(drive, token, kind, o.concurrency(), o.rate(), o.warmup());
            OpStats stats = measure(drive, token, kind, o.concurrency(), o.rate(), o.duration());
            out.printf("| %s | %d | %d | %.0f | %.1f | %.1f | %d |%n", kind[0], o.concurrency(), stats.successes(),
                    stats.requestsPerSecond(), stats.percentileMillis(50), stats.percentileMillis(99), stats.errors());
            all.add(stats);
        }
        out.printf("load average after: %s%n", loadAverage());
        return all;
    }

    static String login(DriveHttp drive) {
        DriveHttp.Reply r = drive.post("/usercenter/v1/user/register", null,
                DriveHttp.json("mobile", MOBILE, "password", PASSWORD, "name", "search-load"));
        if (r.code() == 200002) {
            r = drive.post("/usercenter/v1/user/login", null, DriveHttp.json("mobile", MOBILE, "password", PASSWORD));
        }
        if (!r.ok()) {
            throw new IllegalStateException("cannot register or log in: " + r.body());
        }
        return r.text("accessToken");
    }

    /** Instant uploads of one content under many names, until the search index counts them all. */
    private static void seed(DriveHttp drive, String token, Options o, PrintStream out) throws Exception {
        String sha = uploadContent(drive, token);
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        ClientThreads.run(16, "seed", client -> {
            for (long f; (f = next.getAndIncrement()) < o.files(); ) {
                DriveHttp.Reply r = drive.post("/file/v1/upload/instant", token,
                        DriveHttp.json("name", name(f), "size", CONTENT_SIZE, "sha256", sha));
                if (!(r.ok() && r.body().contains("\"hit\":true")) && r.code() != 300002) {
                    failures.incrementAndGet();
                }
            }
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " files could not be seeded");
        }
        while (indexed(drive, token) < o.files()) {
            Thread.sleep(500);
        }
        out.printf("%d files seeded and indexed in %.0f s%n", o.files(), (System.nanoTime() - start) / 1e9);
    }

    /** The one 1 KiB content every seeded file holds, uploaded (presign, PUT, callback) as {@code seed.bin}; answers its SHA-256. */
    static String uploadContent(DriveHttp drive, String token) throws Exception {
        byte[] content = new byte[CONTENT_SIZE];
        ClientThreads.randomise(content, new SplittableRandom(7));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        DriveHttp.Reply presign = drive.post("/file/v1/upload/presign", token,
                DriveHttp.json("name", "seed.bin", "size", content.length, "sha256", sha, "onConflict", "rename"));
        if (presign.ok()) {
            drive.putPresigned(presign.text("url"), "x-amz-checksum-sha256",
                    Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)), content);
            drive.post("/file/v1/upload/callback", token, DriveHttp.json("uploadId", presign.text("uploadId")));
        }
        return sha;
    }

    /** A name of two or three words, a number and an extension, the same for the same n on every run. */
    static String name(long n) {
        SplittableRandom random = new SplittableRandom(n);
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 1 + n % 3; w++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return String.join(random.nextBoolean() ? "_" : " ", words) + "_" + n + EXTENSIONS[random.nextInt(EXTENSIONS.length)];
    }

    private static long indexed(DriveHttp drive, String token) {
        List<Long> files = drive.get("/search/v1/search/stats", token).numbers("files");
        return files.isEmpty() ? 0 : files.get(0);
    }

    /** Closed loop when {@code rate} is 0; otherwise each client paced at {@code rate} searches per second (see {@link Pacer}). */
    private static OpStats measure(DriveHttp drive, String token, String[] kind, int concurrency, double rate, Duration length)
            throws InterruptedException {
        List<LatencyLog> logs = new ArrayList<>();
        for (int c = 0; c < concurrency; c++) {
            logs.add(new LatencyLog());
        }
        long begin = System.nanoTime();
        long end = begin + length.toNanos();
        long elapsed = ClientThreads.run(concurrency, "search-" + kind[0], client -> {
            LatencyLog log = logs.get(client);
            SplittableRandom random = new SplittableRandom(client);
            Pacer pacer = new Pacer(rate, begin, client, concurrency);
            for (long t0 = pacer.awaitTurn(); t0 < end; t0 = pacer.awaitTurn()) {
                String keyword = kind[2 + random.nextInt(kind.length - 2)];
                DriveHttp.Reply r = drive.get("/search/v1/search/files?" + kind[1] + "&keyword="
                        + URLEncoder.encode(keyword, StandardCharsets.UTF_8), token);
                long took = System.nanoTime() - t0;
                if (r.ok() && r.body().contains("\"list\":[{")) {
                    log.record(took);
                } else {
                    log.error();
                }
            }
        });
        return LatencyLog.merge(kind[0], logs, elapsed);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
