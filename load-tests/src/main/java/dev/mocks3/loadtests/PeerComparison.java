package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the same write and read scenarios against MockS3 and Adobe S3Mock, one server at a time on
 * this machine, and writes one table with both and their ratio: requests per second and the server's
 * CPU per request (its whole process family, the embedded PostgreSQL and Redis included). Each server
 * is warmed up until its CPU per request stops falling.
 *
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.PeerComparison \
 *     [--mocks3-jar local/target/mocks3-local.jar] [--s3mock-jar ~/.m2/.../s3mock-5.2.0-exec.jar]
 *     [--heap 256m] [--clients 16] [--duration 30s] [--round 10s] [--max-rounds 12] [--passes 2]
 *     [--objects 1000] [--large 1GiB | 0] [--work /tmp/mocks3-peers] [--servers MockS3,S3Mock]
 *     [--client jdk | wrk]
 * </pre>
 * {@code --servers MockS3} measures MockS3 alone (a before/after comparison of two jars).
 * The large object is sent with {@code curl -T} from a file and read back with {@code curl}, so the
 * client's own hashing does not compete with the server for the CPU.
 */
public final class PeerComparison {

    static final String BUCKET = "peer-comparison";
    /** A round's CPU per request within this fraction of the previous round's counts as settled. */
    static final double SETTLED = 0.05;
    /** The servers compared, in the order each pass runs them. */
    static final List<String> SERVERS = List.of("MockS3", "S3Mock");
    /** What sends the 4 KiB requests: the JDK's HttpClient (bodies compared) or wrk ({@link WrkPhase}). */
    static final List<String> CLIENTS = List.of("jdk", "wrk");

    record Options(Path mocks3Jar, Path s3MockJar, String heap, int clients, Duration duration, Duration round,
                   int maxRounds, int passes, int objects, long large, Path work, List<String> servers, String client) {

        static Options parse(String... args) {
            Path mocks3Jar = Path.of("local/target/mocks3-local.jar");
            Path s3MockJar = Path.of(System.getProperty("user.home"),
                    ".m2/repository/com/adobe/testing/s3mock/5.2.0/s3mock-5.2.0-exec.jar");
            String heap = "256m";
            int clients = 16;
            Duration duration = Duration.ofSeconds(30);
            Duration round = Duration.ofSeconds(10);
            int maxRounds = 12;
            int passes = 2;
            int objects = 1000;
            long large = 1L << 30;
            Path work = Path.of(System.getProperty("java.io.tmpdir"), "mocks3-peers");
            List<String> servers = SERVERS;
            String client = "jdk";
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--mocks3-jar" -> mocks3Jar = Path.of(value);
                    case "--s3mock-jar" -> s3MockJar = Path.of(value);
                    case "--heap" -> heap = value;
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--duration" -> duration = S3LoadRunner.Options.duration(value);
                    case "--round" -> round = S3LoadRunner.Options.duration(value);
                    case "--max-rounds" -> maxRounds = Integer.parseInt(value);
                    case "--passes" -> passes = Integer.parseInt(value);
                    case "--objects" -> objects = Integer.parseInt(value);
                    case "--large" -> large = S3LoadRunner.Options.bytes(value);
                    case "--work" -> work = Path.of(value);
                    case "--servers" -> servers = List.of(value.split(","));
                    case "--client" -> client = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException(args[args.length - 1] + " needs a value");
            }
            if (clients < 1 || clients > S3LoadRunner.MAX_CONCURRENCY || passes < 1 || maxRounds < 1 || objects < 1) {
                throw new IllegalArgumentException("clients, passes, max-rounds and objects must be positive");
            }
            if (servers.isEmpty() || !SERVERS.containsAll(servers)) {
                throw new IllegalArgumentException("--servers names some of " + String.join(",", SERVERS));
            }
            if (!CLIENTS.contains(client)) {
                throw new IllegalArgumentException("--client is one of " + String.join(",", CLIENTS));
            }
            return new Options(mocks3Jar, s3MockJar, heap, clients, duration, round, maxRounds, passes, objects,
                    large, work, servers, client);
        }
    }

    /** What one server did in one pass. */
    record Row(String server, int pass, Measured put, Measured get, Large large) {
    }

    /** Requests of one kind in a measured phase, as either client counts them, and the server CPU they took. */
    record Measured(long successes, long errors, double requestsPerSecond, double p99Millis, long cpuNanos) {
        static Measured of(OpStats op, long cpuNanos) {
            return new Measured(op.successes(), op.errors(), op.requestsPerSecond(), op.percentileMillis(99), cpuNanos);
        }

        static Measured of(WrkPhase.Result wrk, long cpuNanos) {
            return new Measured(wrk.successes(), wrk.errors(), wrk.requestsPerSecond(), wrk.p99Millis(), cpuNanos);
        }

        double cpuMicrosPerRequest() {
            return successes == 0 ? Double.NaN : cpuNanos / 1000.0 / successes;
        }
    }

    /** One large PUT and GET with curl; CPU in seconds per GiB. */
    record Large(long size, double putMibPerSecond, double putCpuSecondsPerGib, double getMibPerSecond,
                 double getCpuSecondsPerGib) {
    }

    private PeerComparison() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("PeerComparison: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<Row> rows = run(options, System.out);
        print(rows, System.out);
        boolean failed = rows.stream().anyMatch(r -> r.put().errors() > 0 || r.get().errors() > 0);
        System.exit(failed ? 1 : 0);
    }

    static List<Row> run(Options options, PrintStream out) throws Exception {
        Files.createDirectories(options.work());
        Path largeFile = options.large() > 0 ? LargeTransfer.file(options.work(), options.large()) : null;
        List<Row> rows = new ArrayList<>();
        try {
            for (int pass = 1; pass <= options.passes(); pass++) {
                for (String server : options.servers()) {
                    // not createTempDirectory: PostgreSQL runs as another user (root is refused) and must enter it
                    Path data = options.work().resolve(server.toLowerCase(Locale.ROOT) + "-" + pass + "-"
                            + System.currentTimeMillis());
                    try (PeerServer peer = server.equals("MockS3")
                            ? PeerServer.mockS3(options.mocks3Jar(), options.heap(), data, 18080)
                            : PeerServer.s3Mock(options.s3MockJar(), options.heap(), data, 19090)) {
                        rows.add(measure(peer, pass, options, largeFile, out));
                    } finally {
                        FileTrees.delete(data);
                    }
                }
            }
        } finally {
            if (largeFile != null) {
                Files.deleteIfExists(largeFile);
            }
        }
        return rows;
    }

    private static Row measure(PeerServer peer, int pass, Options options, Path largeFile, PrintStream out)
            throws Exception {
        S3Http s3 = new S3Http(LoadTarget.of(peer.endpoint().toString()));
        Client client = new Client(options.client(), peer, s3, options.work(), options.clients(), options.objects());
        s3.createBucket(BUCKET);
        byte[][] bodies = Get4kScenario.fill(s3, BUCKET, options.objects());
        out.printf(Locale.ROOT, "%s pass %d: %d objects written; 4 KiB requests sent by %s; warming up in rounds of %s%n",
                peer.name(), pass, options.objects(), options.client(), options.round());
        double previousPut = Double.MAX_VALUE;
        double previousGet = Double.MAX_VALUE;
        for (int round = 1; round <= options.maxRounds(); round++) {
            Measured put = client.puts(options.round());
            Measured get = client.gets(bodies, options.round());
            out.printf(Locale.ROOT, "  round %d: PUT %.0f µs CPU (%.0f/s), GET %.0f µs CPU (%.0f/s)%n", round,
                    put.cpuMicrosPerRequest(), put.requestsPerSecond(),
                    get.cpuMicrosPerRequest(), get.requestsPerSecond());
            boolean settled = put.cpuMicrosPerRequest() > previousPut * (1 - SETTLED)
                    && get.cpuMicrosPerRequest() > previousGet * (1 - SETTLED);
            previousPut = put.cpuMicrosPerRequest();
            previousGet = get.cpuMicrosPerRequest();
            if (settled) {
                break;
            }
        }
        Measured put = client.puts(options.duration());
        Measured get = client.gets(bodies, options.duration());
        Large large = largeFile == null ? null : LargeTransfer.run(peer, BUCKET, largeFile, options.large());
        out.printf(Locale.ROOT, "  measured: PUT %.0f µs CPU, %.0f/s; GET %.0f µs CPU, %.0f/s%s%n",
                put.cpuMicrosPerRequest(), put.requestsPerSecond(), get.cpuMicrosPerRequest(),
                get.requestsPerSecond(), large == null ? "" : String.format(Locale.ROOT,
                        "; large PUT %.0f MiB/s (%.1f CPU s/GiB), GET %.0f MiB/s", large.putMibPerSecond(),
                        large.putCpuSecondsPerGib(), large.getMibPerSecond()));
        return new Row(peer.name(), pass, put, get, large);
    }

    /** The 4 KiB phases, sent by the client the options name, with the server's CPU counted around each. */
    private record Client(String kind, PeerServer peer, S3Http s3, Path work, int clients, int objects) {
        Measured puts(Duration duration) throws Exception {
            long cpu = peer.cpuNanos();
            if (kind.equals("wrk")) {
                WrkPhase.Result wrk = WrkPhase.puts(peer.endpoint().toString(), BUCKET, clients, duration, work);
                return Measured.of(wrk, peer.cpuNanos() - cpu);
            }
            OpStats op = Put4kScenario.phase(s3, BUCKET, clients, duration, Long.MAX_VALUE);
            return Measured.of(op, peer.cpuNanos() - cpu);
        }

        Measured gets(byte[][] bodies, Duration duration) throws Exception {
            long cpu = peer.cpuNanos();
            if (kind.equals("wrk")) {
                WrkPhase.Result wrk = WrkPhase.gets(peer.endpoint().toString(), BUCKET, objects, clients, duration, work);
                return Measured.of(wrk, peer.cpuNanos() - cpu);
            }
            List<LatencyLog> logs = new ArrayList<>();
            long elapsed = Get4kScenario.phase(s3, BUCKET, bodies, clients, duration, Long.MAX_VALUE, logs);
            return Measured.of(LatencyLog.merge("GET", logs, elapsed), peer.cpuNanos() - cpu);
        }
    }

    static void print(List<Row> rows, PrintStream out) {
        out.println();
        out.println("| server | pass | PUT 4 KiB /s | PUT CPU µs | GET 4 KiB /s | GET CPU µs | PUT p99 ms | GET p99 ms "
                + "| large PUT MiB/s | PUT CPU s/GiB | large GET MiB/s | errors |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %s | %s | %s | %d |%n",
                    r.server(), r.pass(), r.put().requestsPerSecond(), r.put().cpuMicrosPerRequest(),
                    r.get().requestsPerSecond(), r.get().cpuMicrosPerRequest(),
                    r.put().p99Millis(), r.get().p99Millis(),
                    r.large() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.large().putMibPerSecond()),
                    r.large() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.large().putCpuSecondsPerGib()),
                    r.large() == null ? "-" : String.format(Locale.ROOT, "%.0f", r.large().getMibPerSecond()),
                    r.put().errors() + r.get().errors());
        }
        out.println();
        out.println("Ratio MockS3 / S3Mock, same pass (above 1: MockS3 does more per second, or costs more CPU):");
        for (Row m : rows) {
            for (Row s : rows) {
                if (m.server().equals("MockS3") && s.server().equals("S3Mock") && m.pass() == s.pass()) {
                    out.printf(Locale.ROOT, "pass %d: PUT/s %.2f, PUT CPU %.2f, GET/s %.2f, GET CPU %.2f%n", m.pass(),
                            m.put().requestsPerSecond() / s.put().requestsPerSecond(),
                            m.put().cpuMicrosPerRequest() / s.put().cpuMicrosPerRequest(),
                            m.get().requestsPerSecond() / s.get().requestsPerSecond(),
                            m.get().cpuMicrosPerRequest() / s.get().cpuMicrosPerRequest());
                }
            }
        }
    }

    /** Deleting a finished server's data folder. */
    static final class FileTrees {
        private FileTrees() {
        }

        static void delete(Path root) throws IOException {
            if (!Files.exists(root)) {
                return;
            }
            try (var paths = Files.walk(root)) {
                for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** A large object sent and read back by curl, timed and costed. */
    static final class LargeTransfer {
        private LargeTransfer() {
        }

        /** A file of generated bytes to send, written once for all servers. */
        static Path file(Path work, long size) throws IOException {
            Path file = work.resolve("large-" + size + ".bin");
            try (var in = new GeneratedContent(size, 42); OutputStream fileOut = Files.newOutputStream(file)) {
                in.transferTo(fileOut);
            }
            return file;
        }

        static Large run(PeerServer peer, String bucket, Path file, long size) throws Exception {
            String url = peer.endpoint() + "/" + bucket + "/large-object.bin";
            long cpu = peer.cpuNanos();
            double putSeconds = curl(List.of("-T", file.toString()), url);
            long putCpu = peer.cpuNanos() - cpu;
            cpu = peer.cpuNanos();
            double getSeconds = curl(List.of(), url);
            long getCpu = peer.cpuNanos() - cpu;
            double gib = size / (double) (1L << 30);
            return new Large(size, size / Rates.MIB / putSeconds, putCpu / 1e9 / gib,
                    size / Rates.MIB / getSeconds, getCpu / 1e9 / gib);
        }

        /** Runs curl (body thrown away) and answers the transfer's seconds; fails unless the answer was 200. */
        static double curl(List<String> options, String url) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("curl", "-s", "-S", "-o", "/dev/null",
                    "-w", "%{http_code} %{time_total}"));
            command.addAll(options);
            command.add(url);
            Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes()).trim();
            curl.waitFor();
            String[] parts = out.split(" ");
            if (parts.length < 2 || !parts[parts.length - 2].endsWith("200")) {
                throw new IOException("curl " + options + " " + url + " answered: " + out);
            }
            return Double.parseDouble(parts[parts.length - 1]);
        }
    }
}
