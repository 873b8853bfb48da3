package dev.mocks3.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import dev.mocks3.local.LocalRunner;

/**
 * Prints how long MockS3 takes to answer, started as the local runner does it (fresh data folder:
 * unpacking, initdb) and as the kit does it (cluster copied from the template), in this JVM one after
 * the other. A measurement, not a check: run it alone, with
 * {@code -Dmocks3.junit.figures=local-first} or {@code =kit-first} (the first start pays for a cold JVM).
 */
@EnabledIfSystemProperty(named = "mocks3.junit.figures", matches = "local-first|kit-first")
class StartupFiguresTest {

    @Test
    void printStartupTimes() throws Exception {
        boolean localFirst = System.getProperty("mocks3.junit.figures").equals("local-first");
        for (int round = 1; round <= 2; round++) {
            if (localFirst) {
                measure("local runner, fresh data folder", StartupFiguresTest::freshLocalRunner);
                measure("kit, per class (template copy)", StartupFiguresTest::kitInstance);
            } else {
                measure("kit, per class (template copy)", StartupFiguresTest::kitInstance);
                measure("local runner, fresh data folder", StartupFiguresTest::freshLocalRunner);
            }
        }
    }

    private static void measure(String what, Supplier<Running> start) throws Exception {
        long begin = System.nanoTime();
        try (Running running = start.get()) {
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(running.endpoint().resolve("/_mocks3/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            System.out.printf("[mocks3-junit figures] %s: %d ms to health%n", what, (System.nanoTime() - begin) / 1_000_000);
        }
    }

    private interface Running extends AutoCloseable {
        URI endpoint();

        @Override
        void close();
    }

    private static Running freshLocalRunner() {
        Path dataDir = Path.of("target", "mocks3-junit", "figures-" + UUID.randomUUID()).toAbsolutePath();
        LocalRunner runner = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString()));
        return new Running() {
            public URI endpoint() {
                return URI.create("http://localhost:" + runner.port());
            }

            public void close() {
                runner.close();
            }
        };
    }

    private static Running kitInstance() {
        EmbeddedMockS3 instance = EmbeddedMockS3.start(Map.of());
        return new Running() {
            public URI endpoint() {
                return instance.s3Endpoint();
            }

            public void close() {
                instance.close();
            }
        };
    }
}
