package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.drive.http.DriveServer;
import dev.mocks3.local.LocalRunner;

/** The search scenario against a real MockS3 (the local runner), small: it seeds, waits for the index, measures every kind. */
class DriveSearchLoadRunnerSmokeTest {

    @Test
    void seedsWaitsForTheIndexAndEveryKindOfSearchFindsFiles() throws Exception {
        Path dataDir = Path.of("target", "smoke-data", UUID.randomUUID().toString()).toAbsolutePath();
        try (LocalRunner mocks3 = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString()))) {
            String url = "http://127.0.0.1:" + mocks3.context().getBean(DriveServer.class).port();
            for (boolean seeded : new boolean[] {false, true}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                List<OpStats> stats = DriveSearchLoadRunner.run(new DriveSearchLoadRunner.Options(url, 300, 4,
                        Duration.ofSeconds(1), Duration.ofMillis(200), seeded, seeded ? 20 : 0), new PrintStream(out, true, StandardCharsets.UTF_8));
                String printed = out.toString(StandardCharsets.UTF_8);
                assertThat(stats).extracting(OpStats::operation).containsExactly("word", "prefix", "substring");
                assertThat(stats).as(printed).allSatisfy(op -> {
                    assertThat(op.errors()).isZero();
                    assertThat(op.successes()).isPositive();
                });
                assertThat(printed).contains("| substring | 4 |");
            }
        }
    }
}
