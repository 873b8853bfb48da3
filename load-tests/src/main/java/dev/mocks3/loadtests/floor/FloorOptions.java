package dev.mocks3.loadtests.floor;

import java.time.Duration;
import java.util.List;

/**
 * What {@link StackFloor} measures and how: the modes in order, the round length, how many warm-up
 * rounds at most (warm-up ends earlier once the CPU per request stops falling), how many measured
 * rounds, the concurrency (wrk connections, or in-process loops against the database), where
 * PostgreSQL and wrk are, and r2dbc-pool's acquire timeout (MockS3's 10 s; 0 for none).
 */
public record FloorOptions(List<String> modes, Duration round, int maxWarmups, int measured, int concurrency,
                           int port, String pgHost, int pgPort, String pgUser, String database, int rows,
                           String wrk, boolean threads, Duration acquireTimeout) {

    public static final List<String> MODES =
            List.of("http", "webflux", "select", "commit", "jdbc-select", "jdbc-commit");

    public static FloorOptions parse(String... args) {
        List<String> modes = MODES;
        Duration round = Duration.ofSeconds(10);
        int maxWarmups = 18;
        int measured = 3;
        int concurrency = 16;
        int port = 19900;
        String pgHost = "127.0.0.1";
        int pgPort = 5432;
        String pgUser = "postgres";
        String database = "stackfloor";
        int rows = 1000;
        String wrk = "wrk";
        boolean threads = false;
        Duration acquireTimeout = Duration.ofSeconds(10);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--threads")) {
                threads = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[++i];
            switch (args[i - 1]) {
                case "--modes" -> modes = modes(value);
                case "--round" -> round = Duration.ofSeconds(positive("--round", value));
                case "--max-warmups" -> maxWarmups = Math.toIntExact(atLeast("--max-warmups", value, 0));
                case "--measured" -> measured = Math.toIntExact(positive("--measured", value));
                case "--concurrency" -> concurrency = Math.toIntExact(positive("--concurrency", value));
                case "--port" -> port = Math.toIntExact(positive("--port", value));
                case "--pg-host" -> pgHost = value;
                case "--pg-port" -> pgPort = Math.toIntExact(positive("--pg-port", value));
                case "--pg-user" -> pgUser = value;
                case "--database" -> database = value;
                case "--rows" -> rows = Math.toIntExact(positive("--rows", value));
                case "--wrk" -> wrk = value;
                case "--acquire-timeout" -> acquireTimeout = Duration.ofSeconds(atLeast("--acquire-timeout", value, 0));
                default -> throw new IllegalArgumentException("unknown option " + args[i - 1]);
            }
        }
        return new FloorOptions(modes, round, maxWarmups, measured, concurrency, port, pgHost, pgPort, pgUser,
                database, rows, wrk, threads, acquireTimeout);
    }

    private static List<String> modes(String value) {
        List<String> modes = List.of(value.split(","));
        for (String mode : modes) {
            if (!MODES.contains(mode)) {
                throw new IllegalArgumentException("unknown mode " + mode + ", known: " + String.join(",", MODES));
            }
        }
        return modes;
    }

    private static long positive(String option, String value) {
        return atLeast(option, value, 1);
    }

    private static long atLeast(String option, String value, long least) {
        long n = Long.parseLong(value);
        if (n < least) {
            throw new IllegalArgumentException(option + " must be at least " + least + ", was " + value);
        }
        return n;
    }
}
