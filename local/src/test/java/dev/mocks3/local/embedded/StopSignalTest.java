package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.LocalRunner;

class StopSignalTest {

    private static final int CHUNKS = 40;
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final long CHUNK_PAUSE_MILLIS = 100;

    private final Path dataDir = RunnerProcess.freshDataDir();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anUploadRunningWhenTheRunnerIsToldToStopCompletesAndIsKept() throws Exception {
        byte[] body = new byte[CHUNKS * CHUNK_BYTES];
        new Random(7).nextBytes(body);
        String status;
        try (RunnerProcess runner = RunnerProcess.start(dataDir)) {
            URI endpoint = URI.create("http://127.0.0.1:" + runner.port());
            assertThat(send(endpoint, "PUT", "/slow-uploads").statusCode()).isEqualTo(200);

            status = uploadSlowly(runner, body);

            assertThat(runner.awaitExit(Duration.ofSeconds(60))).as("the runner stops after the upload").isTrue();
        }
        assertThat(status).as("the upload's status line").isEqualTo("HTTP/1.1 200 OK");
        try (LocalRunner again = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString()))) {
            HttpResponse<byte[]> stored = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + again.port() + "/slow-uploads/big.bin")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(stored.statusCode()).isEqualTo(200);
            assertThat(stored.body()).isEqualTo(body);
        }
    }

    /** Sends the body over about four seconds, with SIGTERM to the runner after the first second; returns the status line. */
    private static String uploadSlowly(RunnerProcess runner, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", runner.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /slow-uploads/big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int chunk = 0; chunk < CHUNKS; chunk++) {
                out.write(body, chunk * CHUNK_BYTES, CHUNK_BYTES);
                out.flush();
                Thread.sleep(CHUNK_PAUSE_MILLIS);
                if (chunk == CHUNKS / 4) {
                    runner.askToStop();
                }
            }
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    private HttpResponse<String> send(URI endpoint, String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
