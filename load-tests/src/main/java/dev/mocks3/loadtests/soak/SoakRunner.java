package dev.mocks3.loadtests.soak;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.mocks3.loadtests.LoadTarget;
import dev.mocks3.loadtests.soak.SoakHttp.Answer;

/**
 * The soak: N clients doing mixed PUT / GET / DELETE / multipart with abandoned uploads and
 * downloads for a fixed time, the embedded PostgreSQL killed in the middle, then a consistency
 * check (see {@link SoakCheck}). Exit code 1 when any acknowledged write was lost or any read saw
 * what was never written, 2 for bad options.
 *
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.soak.SoakRunner --url http://127.0.0.1:8080 \
 *     [--data-dir DIR] [--duration 10m] [--concurrency 32] [--keys 8] [--kill-db-at 5m] [--seed N]
 * </pre>
 * {@code --data-dir} is the MockS3 data folder (it must serve no other bucket): needed to kill its
 * PostgreSQL and to look for leftover temporary and blob files.
 */
public final class SoakRunner {
    static final Duration MAX_DURATION = Duration.ofMinutes(60);

    record Options(String url, Path dataDir, Duration duration, int concurrency, int keysPerClient, Duration killDbAt,
                   long seed) {
        Options {
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be within (0, " + MAX_DURATION + "]");
            }
            if (concurrency < 1 || concurrency > 256 || keysPerClient < 1 || keysPerClient > 1000) {
                throw new IllegalArgumentException("concurrency must be within [1, 256] and keys within [1, 1000]");
            }
            if (killDbAt != null && (dataDir == null || killDbAt.compareTo(duration) >= 0)) {
                throw new IllegalArgumentException("--kill-db-at needs --data-dir and a time within the duration");
            }
        }

        static Options parse(String... args) {
            String url = System.getenv().getOrDefault("MOCKS3_URL", "http://localhost:8080");
            Path dataDir = null;
            Duration duration = Duration.ofMinutes(10);
            int concurrency = 32;
            int keys = 8;
            Duration killAt = null;
            long seed = System.nanoTime();
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--data-dir" -> dataDir = Path.of(value).toAbsolutePath();
                    case "--duration" -> duration = duration(value);
                    case "--concurrency" -> concurrency = Integer.parseInt(value);
                    case "--keys" -> keys = Integer.parseInt(value);
                    case "--kill-db-at" -> killAt = duration(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(url, dataDir, duration, concurrency, keys, killAt, seed);
        }

        /** {@code 90s}, {@code 10m}. */
        static Duration duration(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                default -> throw new IllegalArgumentException("duration needs a unit (s, m): " + text);
            };
        }
    }

    private SoakRunner() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SoakRunner: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options, System.out).violations() == 0 ? 0 : 1);
    }

    static SoakTally run(Options options, PrintStream out) throws Exception {
        String bucket = "mocks3-soak-" + Instant.now().getEpochSecond();
        SoakHttp s3 = new SoakHttp(LoadTarget.of(options.url()), bucket);
        Answer created = s3.createBucket();
        if (!created.ok()) {
            throw new IllegalStateException("CreateBucket " + bucket + " answered " + created.status() + ": " + created.text());
        }
        out.printf(Locale.ROOT, "soak against %s, bucket %s: %d clients x %d keys for %s, seed %d%s%n", options.url(), bucket,
                options.concurrency(), options.keysPerClient(), options.duration(), options.seed(),
                options.killDbAt() == null ? "" : ", PostgreSQL killed at " + options.killDbAt());
        SoakTally tally = new SoakTally();
        AtomicLong lastOk = new AtomicLong(System.nanoTime());
        SplittableRandom seeds = new SplittableRandom(options.seed());
        List<SoakClient> clients = new ArrayList<>();
        for (int c = 0; c < options.concurrency(); c++) {
            clients.add(new SoakClient(c, options.keysPerClient(), s3, tally, lastOk, seeds.nextLong()));
        }
        long start = System.nanoTime();
        long deadline = start + options.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (SoakClient client : clients) {
            Thread thread = new Thread(() -> client.runUntil(deadline), "soak-client");
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        if (options.killDbAt() != null) {
            killDatabaseAt(options, start, lastOk, out);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - start;
        List<KeyLedger> keys = clients.stream().flatMap(client -> client.keys().stream()).toList();
        try {
            new SoakCheck(s3, tally, out).run(keys, options.dataDir());
        } catch (java.io.IOException e) {
            tally.violation("the final check could not run: " + e.getMessage().lines().findFirst().orElse(""));
        }
        out.println();
        out.printf(Locale.ROOT, "%d requests in %.0f s (%.1f/s)%n", totalRequests(tally), elapsed / 1e9,
                totalRequests(tally) / (elapsed / 1e9));
        tally.print(out);
        return tally;
    }

    /** Kills PostgreSQL at the given time and reports how long until the store answered again. */
    private static void killDatabaseAt(Options options, long start, AtomicLong lastOk, PrintStream out) throws Exception {
        Thread.sleep(Math.max(0, start + options.killDbAt().toNanos() - System.nanoTime()) / 1_000_000);
        long killedAt = System.nanoTime();
        long pid = new PostgresKill(options.dataDir()).now();
        out.printf(Locale.ROOT, "killed PostgreSQL (pid %d) at %s%n", pid, options.killDbAt());
        Thread watcher = new Thread(() -> {
            long outageStarted = killedAt;
            while (lastOk.get() <= outageStarted + 1_000_000_000L && System.nanoTime() < killedAt + 300_000_000_000L) {
                // an answer already under way when the kill came does not count as recovery
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
            out.printf(Locale.ROOT, "first successful request %.1f s after the kill%n", (lastOk.get() - killedAt) / 1e9);
        }, "soak-outage-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static long totalRequests(SoakTally tally) {
        long total = 0;
        for (SoakTally.Outcome outcome : SoakTally.Outcome.values()) {
            total += tally.total(outcome);
        }
        return total;
    }
}
