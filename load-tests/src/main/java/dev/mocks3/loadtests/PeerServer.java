package dev.mocks3.loadtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One S3 server started for a comparison, in its own JVM with the same heap, on a fresh data folder,
 * and stopped (gracefully: MockS3 then stops its embedded PostgreSQL and Redis) when closed.
 */
final class PeerServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final Process process;
    private final URI endpoint;
    private final ProcessFamilyCpu cpu;

    private PeerServer(String name, Process process, URI endpoint, String marker) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.cpu = new ProcessFamilyCpu(process.pid(), marker);
    }

    /** MockS3's local runner jar: S3 on {@code port}, the rules API and the idle drive beside it. */
    static PeerServer mockS3(Path jar, String heap, Path data, int port) throws IOException, InterruptedException {
        List<String> command = java(heap, jar);
        command.addAll(List.of("--server.port=" + port, "--mocks3.faults.api-port=" + (port + 5),
                "--mocks3.drive.port=" + (port + 3), "--mocks3.storage.data-dir=" + data.toAbsolutePath()));
        requireFree("MockS3", port, port + 5, port + 3);
        return start("MockS3", command, data, port, data.toAbsolutePath().toString());
    }

    /** Adobe S3Mock's executable jar: plain HTTP on {@code port}, its HTTPS port beside it. */
    static PeerServer s3Mock(Path jar, String heap, Path data, int port) throws IOException, InterruptedException {
        List<String> command = java(heap, jar);
        command.addAll(List.of("--http.port=" + port, "--server.port=" + (port + 1),
                "--com.adobe.testing.s3mock.store.root=" + data.toAbsolutePath()));
        requireFree("S3Mock", port, port + 1);
        return start("S3Mock", command, data, port, null);
    }

    /**
     * Fails when something already listens on one of the ports a server is about to take: the server would
     * not start, and the comparison would measure whatever answered there instead, without its CPU.
     */
    static void requireFree(String name, int... ports) throws IOException {
        for (int port : ports) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException free) {
                continue;
            }
            throw new IOException(name + " needs port " + port + ", where another process listens; stop it first");
        }
    }

    String name() {
        return name;
    }

    URI endpoint() {
        return endpoint;
    }

    /** CPU of the server's process family so far, in nanoseconds. */
    long cpuNanos() throws IOException {
        return cpu.nanos();
    }

    private static List<String> java(String heap, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        return command;
    }

    private static PeerServer start(String name, List<String> command, Path data, int port, String marker)
            throws IOException, InterruptedException {
        java.nio.file.Files.createDirectories(data);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile())
                .start();
        PeerServer server = new PeerServer(name, process, URI.create("http://127.0.0.1:" + port), marker);
        server.awaitS3();
        return server;
    }

    /** Waits until a ListBuckets answers 200. */
    private void awaitS3() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with " + process.exitValue() + " while starting");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(endpoint.resolve("/"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        close();
        throw new IOException(name + " did not answer within " + START_TIMEOUT);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
