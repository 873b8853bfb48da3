package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The runner as a user starts it has one event loop per core for HTTP and one per core for PostgreSQL. */
class OneEventLoopPerCoreTest {

    private final int cores = Runtime.getRuntime().availableProcessors();

    @Test
    void theServerAndTheDatabaseDriverRunOneEventLoopPerCore() throws Exception {
        try (RunnerProcess runner = RunnerProcess.start(RunnerProcess.freshDataDir())) {
            HttpResponse<String> buckets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + runner.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(buckets.statusCode()).isEqualTo(200);
            List<Socket> connections = new ArrayList<>();
            try {
                // each accepted connection goes to the next loop in turn: more connections than loops start them all
                for (int i = 0; i < cores + 4; i++) {
                    connections.add(new Socket("127.0.0.1", runner.port()));
                }
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (threadsNamed(runner.pid(), "webflux-http-ep") < cores && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                Thread.sleep(500);

                assertThat(threadsNamed(runner.pid(), "webflux-http-ep")).as("HTTP event loops").isEqualTo(cores);
                assertThat(threadsNamed(runner.pid(), "reactor-tcp-epo")).as("PostgreSQL driver event loops")
                        .isBetween(1L, (long) cores);
            } finally {
                for (Socket connection : connections) {
                    connection.close();
                }
            }
        }
    }

    /** Threads of the process whose name (as Linux keeps it, 15 characters at most) starts with {@code prefix}. */
    private static long threadsNamed(long pid, String prefix) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).startsWith(prefix);
                } catch (IOException e) {
                    return false; // the thread ended while we looked
                }
            }).count();
        }
    }
}
