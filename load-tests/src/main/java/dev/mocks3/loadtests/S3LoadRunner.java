package dev.mocks3.loadtests;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Measures MockS3 where k6 is absent: the scenarios of {@code load-tests/k6/}, with the JDK's HTTP
 * client, against a server on this machine only. Every run is bounded in time and requests and
 * stops by itself; the exit code is 1 when any request failed or the large object came back altered.
 *
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.S3LoadRunner \
 *     [--url http://localhost:8080] [--scenario all|put-get-4k|get-4k|large-object] [--concurrency 16,64]
 *     [--duration 30s] [--warmup 5s] [--max-pairs 2000000] [--size 1GiB]
 *     [--rules 0] [--rules-url http://localhost:8085]
 * </pre>
 * {@code --rules N} posts N enabled fault rules that match no request before the run and deletes
 * them after it, to see what the fault check costs.
 */
public final class S3LoadRunner {

    static final Duration MAX_DURATION = Duration.ofMinutes(10);
    static final long MAX_SIZE = 16L << 30;
    static final int MAX_CONCURRENCY = 256;
    static final int MAX_RULES = 10_000;
    static final List<String> SCENARIOS = List.of("put-get-4k", "get-4k", "large-object");

    /** What to run; every value is capped so that no invocation runs unbounded. */
    record Options(String url, List<String> scenarios, int[] concurrency, Duration duration, Duration warmup,
                   long maxPairs, long size, String bucket, int rules, String rulesUrl) {

        Options {
            if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0
                    || warmup.isNegative() || warmup.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration and warmup must be within (0, " + MAX_DURATION + "]");
            }
            if (size <= 0 || size > MAX_SIZE) {
                throw new IllegalArgumentException("size must be within (0, 16GiB]: " + size);
            }
            if (maxPairs <= 0) {
                throw new IllegalArgumentException("max-pairs must be positive");
            }
            for (int c : concurrency) {
                if (c < 1 || c > MAX_CONCURRENCY) {
                    throw new IllegalArgumentException("concurrency must be within [1, " + MAX_CONCURRENCY + "]: " + c);
                }
            }
            for (String scenario : scenarios) {
                if (!SCENARIOS.contains(scenario)) {
                    throw new IllegalArgumentException("unknown scenario " + scenario);
                }
            }
            if (rules < 0 || rules > MAX_RULES) {
                throw new IllegalArgumentException("rules must be within [0, " + MAX_RULES + "]: " + rules);
            }
        }

        static Options parse(String... args) {
            String url = System.getenv().getOrDefault("MOCKS3_URL", "http://localhost:8080");
            String scenario = "all";
            String concurrency = "16,64";
            Duration duration = Duration.ofSeconds(30);
            Duration warmup = Duration.ofSeconds(5);
            long maxPairs = 2_000_000;
            long size = 1L << 30;
            String bucket = "mocks3-load-" + Instant.now().getEpochSecond();
            int rules = 0;
            String rulesUrl = System.getenv().getOrDefault("MOCKS3_RULES_URL", "http://localhost:8085");
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String value = args[++i];
                switch (name) {
                    case "--url" -> url = value;
                    case "--scenario" -> scenario = value;
                    case "--concurrency" -> concurrency = value;
                    case "--duration" -> duration = duration(value);
                    case "--warmup" -> warmup = duration(value);
                    case "--max-pairs" -> maxPairs = Long.parseLong(value);
                    case "--size" -> size = bytes(value);
                    case "--bucket" -> bucket = value;
                    case "--rules" -> rules = Integer.parseInt(value);
                    case "--rules-url" -> rulesUrl = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            List<String> scenarios = scenario.equals("all") ? SCENARIOS : List.of(scenario);
            int[] levels = Arrays.stream(concurrency.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            return new Options(url, scenarios, levels, duration, warmup, maxPairs, size, bucket, rules, rulesUrl);
        }

        /** {@code 30s}, {@code 2m}, {@code 500ms}. */
        static Duration duration(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            throw new IllegalArgumentException("duration needs a unit (ms, s, m): " + text);
        }

        /** {@code 1GiB}, {@code 64MiB}, {@code 512KiB}, or plain bytes. */
        static long bytes(String text) {
            String t = text.trim();
            for (String[] unit : new String[][] {{"GiB", "30"}, {"MiB", "20"}, {"KiB", "10"}}) {
                if (t.endsWith(unit[0])) {
                    return Long.parseLong(t.substring(0, t.length() - 3)) << Integer.parseInt(unit[1]);
                }
            }
            return Long.parseLong(t);
        }
    }

    /** Everything one invocation measured. */
    record Report(List<PutGet4kScenario.Result> putGet, List<Get4kScenario.Result> gets,
                  List<LargeObjectScenario.Result> largeObjects) {
        boolean failed() {
            return putGet.stream().anyMatch(r -> r.errors() > 0 || r.put().successes() == 0)
                    || gets.stream().anyMatch(r -> r.get().errors() > 0 || r.get().successes() == 0)
                    || largeObjects.stream().anyMatch(r -> !r.intact());
        }
    }

    private S3LoadRunner() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("S3LoadRunner: " + e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options, System.out);
        System.exit(report.failed() ? 1 : 0);
    }

    static Report run(Options options, PrintStream out) throws Exception {
        LoadTarget target = LoadTarget.of(options.url());
        S3Http s3 = new S3Http(target);
        out.printf(Locale.ROOT, "MockS3 load run against %s, bucket %s, %d cores, max heap %d MiB%n",
                target.base(), options.bucket(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        s3.createBucket(options.bucket());
        List<PutGet4kScenario.Result> putGet;
        List<Get4kScenario.Result> gets;
        List<LargeObjectScenario.Result> large = new ArrayList<>();
        try (NonMatchingRules rules = NonMatchingRules.post(LoadTarget.of(options.rulesUrl()), options.rules())) {
            if (rules.size() > 0) {
                out.printf(Locale.ROOT, "%d enabled fault rules that match no request, on %s%n", rules.size(),
                        options.rulesUrl());
            }
            putGet = atEachLevel(options, "put-get-4k", out, c -> PutGet4kScenario.run(s3, options.bucket(), c,
                    options.warmup(), options.duration(), options.maxPairs()));
            gets = atEachLevel(options, "get-4k", out, c -> Get4kScenario.run(s3, options.bucket(), c,
                    options.warmup(), options.duration(), options.maxPairs()));
            if (options.scenarios().contains("large-object")) {
                long seed = System.nanoTime();
                out.printf(Locale.ROOT, "large-object: %d MiB, seed %d%n", options.size() >> 20, seed);
                large.add(LargeObjectScenario.run(s3, options.bucket(), options.size(), seed));
            }
        } finally {
            s3.deleteBucket(options.bucket());
        }
        Report report = new Report(putGet, gets, large);
        print(report, out);
        return report;
    }

    private static void smallObjectRow(PrintStream out, String scenario, int concurrency, OpStats op) {
        out.printf(Locale.ROOT, "| %s | %d | %s | %d | %.1f | %.2f | %.2f | %.1f | %d |%n",
                scenario, concurrency, op.operation(), op.successes(), op.requestsPerSecond(),
                op.percentileMillis(50), op.percentileMillis(99),
                op.requestsPerSecond() * PutGet4kScenario.OBJECT_SIZE / Rates.MIB, op.errors());
    }

    /** One run of a small-object scenario at a given number of clients. */
    private interface AtConcurrency<R> {
        R run(int concurrency) throws Exception;
    }

    /** The scenario at each concurrency level asked for, or nothing when it was not asked for. */
    private static <R> List<R> atEachLevel(Options options, String scenario, PrintStream out, AtConcurrency<R> run)
            throws Exception {
        List<R> results = new ArrayList<>();
        if (options.scenarios().contains(scenario)) {
            for (int concurrency : options.concurrency()) {
                out.printf(Locale.ROOT, "%s: %d clients, %s warm-up, %s measured%n",
                        scenario, concurrency, options.warmup(), options.duration());
                results.add(run.run(concurrency));
            }
        }
        return results;
    }

    static void print(Report report, PrintStream out) {
        out.println();
        out.println("| scenario | clients | operation | requests | requests/s | p50 ms | p99 ms | MiB/s | errors |");
        out.println("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        for (PutGet4kScenario.Result r : report.putGet()) {
            smallObjectRow(out, "put-get-4k", r.concurrency(), r.put());
            smallObjectRow(out, "put-get-4k", r.concurrency(), r.get());
        }
        for (Get4kScenario.Result r : report.gets()) {
            smallObjectRow(out, "get-4k", r.concurrency(), r.get());
        }
        for (LargeObjectScenario.Result r : report.largeObjects()) {
            // one request each way: its time is both the p50 and the p99
            out.printf(Locale.ROOT, "| large-object %d MiB | 1 | PUT | 1 | %.2f | %.0f | %.0f | %.1f | %d |%n",
                    r.size() >> 20, Rates.perSecond(1, r.putNanos()), Rates.millis(r.putNanos()),
                    Rates.millis(r.putNanos()), r.putMibPerSecond(), r.putStatus() == 200 ? 0 : 1);
            out.printf(Locale.ROOT, "| large-object %d MiB | 1 | GET | 1 | %.2f | %.0f | %.0f | %.1f | %d |%n",
                    r.size() >> 20, Rates.perSecond(1, r.getNanos()), Rates.millis(r.getNanos()),
                    Rates.millis(r.getNanos()), r.getMibPerSecond(), r.intact() ? 0 : 1);
            out.printf(Locale.ROOT, "%nlarge-object: PUT %d, GET %d, %d of %d bytes back, SHA-256 %s%n",
                    r.putStatus(), r.getStatus(), r.bytesReceived(), r.size(),
                    r.intact() ? "matches (" + r.sentSha256() + ")"
                            : "sent " + r.sentSha256() + ", received " + r.receivedSha256());
        }
    }
}
