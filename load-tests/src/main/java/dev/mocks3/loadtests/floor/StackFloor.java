package dev.mocks3.loadtests.floor;

import java.util.Locale;
import java.util.Map;

/**
 * The least CPU per request the stack MockS3 is bound to (Reactor Netty, WebFlux, r2dbc-postgresql
 * through r2dbc-pool, PostgreSQL with {@code synchronous_commit} on) can spend on this machine, with
 * nothing of MockS3 in it:
 * <ul>
 * <li>{@code http}: Reactor Netty's HttpServer answering wrk's GETs with a 4 KiB body from memory;
 * {@code webflux}: the same through one WebFlux RouterFunction. CPU of this JVM (the server; wrk runs
 * in its own process).</li>
 * <li>{@code select}: a primary-key lookup of a row shaped like {@code objects} through r2dbc-pool,
 * {@code concurrency} loops in this JVM; {@code commit}: an autocommit upsert of such a row. CPU of this
 * JVM (the client that sends the statements, as MockS3's JVM does) and of the PostgreSQL backends that
 * serve its connections.</li>
 * <li>{@code jdbc-select}, {@code jdbc-commit}: the same over blocking JDBC, one thread and connection per
 * loop, as the reference for what is R2DBC's and Reactor's share.</li>
 * </ul>
 * Each mode warms up in rounds until the CPU per request stops falling, then measures {@code --measured}
 * rounds and prints one line (mode, requests, CPU µs per request of the JVM / the database / both).
 * <pre>
 * java -cp load-tests/target/classes:$(cat cp.txt) dev.mocks3.loadtests.floor.StackFloor \
 *     [--modes http,webflux,select,commit,jdbc-select,jdbc-commit] [--round 10] [--max-warmups 18] [--measured 3] \
 *     [--concurrency 16] [--port 19900] [--pg-host 127.0.0.1] [--pg-port 5432] [--pg-user postgres] \
 *     [--database stackfloor] [--rows 1000] [--wrk wrk] [--threads] [--acquire-timeout 10]
 * </pre>
 * Not a test: a measurement to read.
 */
public final class StackFloor {

    /**
     * Warm-up ends, after at least {@link #MIN_WARMUPS} rounds, when {@link #FLAT_ROUNDS} rounds in a row
     * were no more than 3 % below the best round before them (C2 keeps compiling for a minute or more
     * on a loaded machine, and one round's noise must not end it).
     */
    private static final double STILL_FALLING = 0.97;
    private static final int MIN_WARMUPS = 6;
    private static final int FLAT_ROUNDS = 3;

    private StackFloor() {
    }

    public static void main(String[] args) throws Exception {
        FloorOptions options = FloorOptions.parse(args);
        FloorTable table = new FloorTable(options);
        if (options.modes().stream().anyMatch(m -> !m.equals("http") && !m.equals("webflux"))) {
            table.prepare();
            System.out.println(table.settings());
        }
        System.out.printf(Locale.ROOT, "%d cores, load average %.1f, %s, concurrency %d, rounds of %d s%n",
                Runtime.getRuntime().availableProcessors(),
                loadAverage(),
                System.getProperty("java.vm.version"), options.concurrency(), options.round().toSeconds());
        for (String mode : options.modes()) {
            try (FloorLoad load = start(mode, options, table)) {
                FloorResult result = measure(mode, load, options);
                System.out.printf(Locale.ROOT, "%s   (load average %.1f)%n", result.line(), loadAverage());
            }
        }
    }

    private static FloorLoad start(String mode, FloorOptions options, FloorTable table) throws Exception {
        return switch (mode) {
            case "http" -> HttpFloor.bare(options);
            case "webflux" -> HttpFloor.webflux(options);
            case "select" -> R2dbcFloor.select(options, table);
            case "commit" -> R2dbcFloor.commit(options, table);
            case "jdbc-select" -> JdbcFloor.select(options, table);
            case "jdbc-commit" -> JdbcFloor.commit(options, table);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
    }

    private static FloorResult measure(String mode, FloorLoad load, FloorOptions options) throws Exception {
        double best = Double.MAX_VALUE;
        int flat = 0;
        for (int i = 1; i <= options.maxWarmups() && (i <= MIN_WARMUPS || flat < FLAT_ROUNDS); i++) {
            FloorResult warm = round(mode, load, options);
            System.err.println("  warm-up " + i + ": " + warm.line());
            double perRequest = warm.jvmMicrosPerRequest() + warm.databaseMicrosPerRequest();
            flat = perRequest > best * STILL_FALLING ? flat + 1 : 0;
            best = Math.min(best, perRequest);
        }
        FloorResult total = new FloorResult(mode, 0, 0, 0);
        for (int i = 1; i <= options.measured(); i++) {
            Map<String, Long> threadsBefore = ProcCpu.threadsByName();
            FloorResult one = round(mode, load, options);
            System.err.println("  round " + i + ": " + one.line());
            if (options.threads()) {
                System.err.println("    " + threads(threadsBefore, ProcCpu.threadsByName(), one.requests()));
            }
            total = total.plus(one);
        }
        return total;
    }

    private static FloorResult round(String mode, FloorLoad load, FloorOptions options) throws Exception {
        Map<Long, Long> databaseBefore = ProcCpu.of(load.backendPids());
        long jvmBefore = ProcCpu.self();
        long requests = load.round(options.round());
        long jvm = ProcCpu.self() - jvmBefore;
        // read the backends again: the pool may have opened connections during the round
        long database = ProcCpu.spent(databaseBefore, ProcCpu.of(load.backendPids()));
        return new FloorResult(mode, requests, jvm, database);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** This JVM's CPU per request by thread name, largest first, those above 1 µs. */
    static String threads(Map<String, Long> before, Map<String, Long> after, long requests) {
        StringBuilder line = new StringBuilder("JVM threads, us/request:");
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1000.0 / requests))
                .filter(e -> e.getValue() >= 1)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %.1f;", e.getKey(), e.getValue())));
        return line.toString();
    }
}
