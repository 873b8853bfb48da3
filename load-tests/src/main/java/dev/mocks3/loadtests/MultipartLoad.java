package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13's large-body figures on a MockS3 started for the run (fresh data folder, its own heap):
 * {@code --warmups} PUTs of {@code --large} with {@code curl -T} (not counted), one more PUT and its
 * GET, then {@code --clients} clients each
 * sending {@code --parts} UploadParts of {@code --part-size} with curl at once (MiB/s over all of
 * them, and server CPU per GiB, to hold against the single PUT), then a CompleteMultipartUpload of
 * {@code --complete-parts} parts, timed. The many parts are one 5 MiB part uploaded over HTTP and
 * copied as rows by psql (the runner's shortcut: 10,000 real parts would be 50 GiB), so the timing is
 * the completion's alone; the object is then read in a range across two parts and deleted (timed too).
 * <pre>
 * java -Xmx256m -cp load-tests/target/classes dev.mocks3.loadtests.MultipartLoad \
 *     [--jar local/target/mocks3-local.jar] [--heap 256m] [--port 18201] [--work /tmp/mocks3-multipart]
 *     [--large 1GiB] [--warmups 2] [--clients 4] [--parts 4] [--part-size 64MiB] [--complete-parts 10000] [--psql psql]
 * </pre>
 */
public final class MultipartLoad {
    private static final String BUCKET = "multipart-load";
    private static final long MIN_PART = 5L * 1024 * 1024;

    record Options(Path jar, String heap, int port, Path work, long large, int warmups, int clients, int parts,
                   long partSize, int completeParts, String psql) {

        static Options parse(String[] args) {
            Path jar = Path.of("local/target/mocks3-local.jar");
            String heap = "256m";
            int port = 18201;
            Path work = Path.of("/tmp/mocks3-multipart");
            long large = 1L << 30;
            int warmups = 2;
            int clients = 4;
            int parts = 4;
            long partSize = 64L << 20;
            int completeParts = 10_000;
            String psql = "psql";
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--jar" -> jar = Path.of(value);
                    case "--heap" -> heap = value;
                    case "--port" -> port = Integer.parseInt(value);
                    case "--work" -> work = Path.of(value);
                    case "--large" -> large = S3LoadRunner.Options.bytes(value);
                    case "--warmups" -> warmups = Integer.parseInt(value);
                    case "--clients" -> clients = Integer.parseInt(value);
                    case "--parts" -> parts = Integer.parseInt(value);
                    case "--part-size" -> partSize = S3LoadRunner.Options.bytes(value);
                    case "--complete-parts" -> completeParts = Integer.parseInt(value);
                    case "--psql" -> psql = value;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(jar, heap, port, work, large, warmups, clients, parts, partSize, completeParts, psql);
        }
    }

    private final Options options;
    private final PeerServer server;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    private MultipartLoad(Options options, PeerServer server, PrintStream out) {
        this.options = options;
        this.server = server;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.work());
        Path data = options.work().resolve("data");
        PeerComparison.FileTrees.delete(data);
        PeerServer server = PeerServer.mockS3(options.jar(), options.heap(), data, options.port());
        try {
            new MultipartLoad(options, server, System.out).run(data);
        } finally {
            server.close();
        }
    }

    private void run(Path data) throws Exception {
        send("PUT", "/" + BUCKET, "");
        out.printf(Locale.ROOT, "load average before: %s%n", DriveLoadRunner.loadAverage());
        if (options.large() > 0) {
            Path file = generated("large.bin", options.large(), 42);
            for (int round = 1; round <= options.warmups(); round++) {
                // a fresh JVM compiles its hot paths during its first large bodies: not counted
                curl(List.of("-T", file.toString()), "/" + BUCKET + "/warm-up");
            }
            timedCurl("PUT " + size(options.large()), List.of("-T", file.toString()), "/" + BUCKET + "/large", options.large());
            timedCurl("GET " + size(options.large()), List.of(), "/" + BUCKET + "/large", options.large());
            Files.delete(file);
        }
        if (options.clients() > 0 && options.parts() > 0) {
            concurrentParts();
        }
        if (options.completeParts() > 0) {
            manyPartsComplete(data);
        }
        out.printf(Locale.ROOT, "load average after: %s%n", DriveLoadRunner.loadAverage());
    }

    /** Every client its own upload and file of generated bytes; all clients send their parts at once. */
    private void concurrentParts() throws Exception {
        List<Path> files = new ArrayList<>();
        List<String> uploads = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            files.add(generated("part-" + c + ".bin", options.partSize(), 100 + c));
            uploads.add(createUpload("parts-" + c));
        }
        ExecutorService clients = Executors.newFixedThreadPool(options.clients());
        long cpu = server.cpuNanos();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            int client = c;
            done.add(clients.submit(() -> {
                for (int p = 1; p <= options.parts(); p++) {
                    curl(List.of("-T", files.get(client).toString()),
                            "/" + BUCKET + "/parts-" + client + "?partNumber=" + p + "&uploadId=" + uploads.get(client));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long bytes = (long) options.clients() * options.parts() * options.partSize();
        double cpuPerGib = (server.cpuNanos() - cpu) / 1e9 / (bytes / (double) (1L << 30));
        clients.shutdown();
        clients.awaitTermination(10, TimeUnit.SECONDS);
        out.printf(Locale.ROOT, "UploadPart %s x %d clients x %d parts: %.0f MiB/s, server CPU %.2f s/GiB%n",
                size(options.partSize()), options.clients(), options.parts(), bytes / Rates.MIB / seconds, cpuPerGib);
        for (Path file : files) {
            Files.delete(file);
        }
    }

    private void manyPartsComplete(Path data) throws Exception {
        String key = "many-parts";
        String uploadId = createUpload(key);
        Path part = generated("min-part.bin", MIN_PART, 7);
        curl(List.of("-T", part.toString()), "/" + BUCKET + "/" + key + "?partNumber=1&uploadId=" + uploadId);
        Files.delete(part);
        int n = options.completeParts();
        DriveSqlSeed.Target db = DriveSqlSeed.Target.ofDataDir(data);
        DriveSqlSeed.run(db, options.psql(), String.join("\n", "\\set ON_ERROR_STOP on", "begin;",
                "insert into multipart_parts (upload_id, part_number, blob_sha256, size, etag, md5_hex, last_modified, checksums)",
                "  select p.upload_id, n, p.blob_sha256, p.size, p.etag, p.md5_hex, p.last_modified, p.checksums",
                "  from multipart_parts p, generate_series(2, " + n + ") n where p.upload_id = '" + uploadId + "';",
                "update blobs set ref_count = ref_count + " + (n - 1)
                        + " where sha256 = (select blob_sha256 from multipart_parts where upload_id = '" + uploadId
                        + "' and part_number = 1);",
                "commit;"));
        String etag = send("GET", "/" + BUCKET + "/" + key + "?uploadId=" + uploadId + "&max-parts=1", "")
                .replaceAll("(?s).*<ETag>(.*?)</ETag>.*", "$1").replace("&quot;", "\"");
        StringBuilder body = new StringBuilder("<CompleteMultipartUpload>");
        for (int i = 1; i <= n; i++) {
            body.append("<Part><PartNumber>").append(i).append("</PartNumber><ETag>").append(etag).append("</ETag></Part>");
        }
        body.append("</CompleteMultipartUpload>");
        long start = System.nanoTime();
        String answer = send("POST", "/" + BUCKET + "/" + key + "?uploadId=" + uploadId, body.toString());
        double completeMs = (System.nanoTime() - start) / 1e6;
        Matcher completed = Pattern.compile("<ETag>(.*?)</ETag>").matcher(answer);
        if (!completed.find() || !completed.group(1).endsWith("-" + n + "&quot;") && !completed.group(1).endsWith("-" + n + "\"")) {
            throw new IOException("CompleteMultipartUpload answered " + answer);
        }
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(uri("/" + BUCKET + "/" + key))
                .header("Range", "bytes=" + (MIN_PART - 5) + "-" + (MIN_PART + 4)).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (range.statusCode() != 206 || range.body().length != 10) {
            throw new IOException("a range across parts 1 and 2 answered " + range.statusCode());
        }
        start = System.nanoTime();
        send("DELETE", "/" + BUCKET + "/" + key, "");
        double deleteMs = (System.nanoTime() - start) / 1e6;
        out.printf(Locale.ROOT, "CompleteMultipartUpload of %d parts (%s): %.0f ms; DeleteObject of it: %.0f ms%n",
                n, size(n * MIN_PART), completeMs, deleteMs);
    }

    private String createUpload(String key) throws Exception {
        String answer = send("POST", "/" + BUCKET + "/" + key + "?uploads", "");
        Matcher id = Pattern.compile("<UploadId>(.*?)</UploadId>").matcher(answer);
        if (!id.find()) {
            throw new IOException("CreateMultipartUpload answered " + answer);
        }
        return id.group(1);
    }

    private String send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        return server.endpoint().resolve(path);
    }

    private void timedCurl(String what, List<String> curlOptions, String path, long bytes) throws Exception {
        long cpu = server.cpuNanos();
        double seconds = curl(curlOptions, path);
        double cpuPerGib = (server.cpuNanos() - cpu) / 1e9 / (bytes / (double) (1L << 30));
        out.printf(Locale.ROOT, "%s in one request: %.0f MiB/s, server CPU %.2f s/GiB%n", what, bytes / Rates.MIB / seconds,
                cpuPerGib);
    }

    /** Runs curl (body thrown away) and answers the transfer's seconds; fails unless the answer was 200. */
    private double curl(List<String> curlOptions, String path) throws IOException, InterruptedException {
        return PeerComparison.LargeTransfer.curl(curlOptions, uri(path).toString());
    }

    private Path generated(String name, long size, long seed) throws IOException {
        Path file = options.work().resolve(name);
        try (var in = new GeneratedContent(size, seed); OutputStream fileOut = Files.newOutputStream(file)) {
            in.transferTo(fileOut);
        }
        return file;
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 && bytes % (1L << 30) == 0 ? bytes / (1L << 30) + " GiB" : bytes / (1L << 20) + " MiB";
    }
}
