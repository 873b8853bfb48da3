package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.drive.http.DriveServer;
import dev.mocks3.local.LocalRunner;

/** The drive scenario against a real MockS3 (the local runner), small: it seeds, measures every operation, twice. */
class DriveLoadRunnerSmokeTest {

    @Test
    void seedsMeasuresEveryOperationAndReusesTheSeedOnLaterRuns() throws Exception {
        Path dataDir = Path.of("target", "smoke-data", UUID.randomUUID().toString()).toAbsolutePath();
        try (LocalRunner mocks3 = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString(), "mocks3.drive.login-per-mobile", "100000",
                "mocks3.drive.login-per-address", "100000"))) {
            String url = "http://127.0.0.1:" + mocks3.context().getBean(DriveServer.class).port();
            for (int run = 0; run < 3; run++) {
                // the second run seeds again (finding everything there), the third trusts the seed
                DriveLoadRunner.Options options = new DriveLoadRunner.Options(url, 3, 30, 4, 4, Duration.ofSeconds(1),
                        Duration.ofMillis(200), run == 2);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                DriveLoadRunner.Report report = DriveLoadRunner.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
                DriveLoadRunner.print(options, report, new PrintStream(out, true, StandardCharsets.UTF_8));
                assertThat(report.failed()).as(out.toString(StandardCharsets.UTF_8)).isFalse();
                assertThat(report.operations()).extracting(OpStats::operation).containsExactly("login", "login without KDF",
                        "KDF (Argon2id, queue included)", "list folder", "file details", "instant upload", "presign");
                assertThat(out.toString(StandardCharsets.UTF_8)).contains("| list folder |", "seeded 3 users and 30 files");
            }
        }
    }

    /** {@code --seed sql}: users and files written by psql into the runner's own PostgreSQL, then a paced mix. */
    @Test
    void seedsThroughPsqlIntoTheRunnersDatabaseAndMeasuresPaced() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(psqlInstalled(), "psql is not installed");
        Path dataDir = Path.of("target", "smoke-data", UUID.randomUUID().toString()).toAbsolutePath();
        try (LocalRunner mocks3 = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString(), "mocks3.drive.login-per-mobile", "100000",
                "mocks3.drive.login-per-address", "100000"))) {
            String url = "http://127.0.0.1:" + mocks3.context().getBean(DriveServer.class).port();
            Path tokens = dataDir.resolve("tokens");
            DriveLoadRunner.Options options = new DriveLoadRunner.Options(url, 4, 40, 3, 4, Duration.ofSeconds(1),
                    Duration.ofMillis(200), false, DriveSqlSeed.Target.ofDataDir(dataDir), "psql", 20, tokens, false);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DriveLoadRunner.Report report = DriveLoadRunner.run(options, new PrintStream(out, true, StandardCharsets.UTF_8));
            DriveLoadRunner.print(options, report, new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(report.failed()).as(printed).isFalse();
            assertThat(printed).contains("through psql", "paced: 20.00 requests/s per client", "mix: load average");
            assertThat(report.operations()).extracting(OpStats::operation)
                    .containsExactly("list folder", "file details", "instant upload", "presign");
            // every seeded user has its 10 files, the quota they cost, and one token kept for the next run
            assertThat(java.nio.file.Files.readAllLines(tokens)).hasSize(4);
            DriveHttp drive = new DriveHttp(LoadTarget.of(url));
            for (String token : java.nio.file.Files.readAllLines(tokens)) {
                assertThat(drive.get("/file/v1/file/list?parentId=0&limit=1000", token).body()).contains("\"name\":\"file-9\"");
                java.util.regex.Matcher used = java.util.regex.Pattern.compile("\"used\":(\\d+)")
                        .matcher(drive.get("/usercenter/v1/user/quota", token).body());
                assertThat(used.find()).isTrue();
                assertThat(Long.parseLong(used.group(1))).as("10 seeded files of 1 KiB are charged").isGreaterThanOrEqualTo(10 * 1024);
            }
        }
    }

    private static boolean psqlInstalled() {
        try {
            return new ProcessBuilder("psql", "--version").start().waitFor() == 0;
        } catch (java.io.IOException | InterruptedException e) {
            return false;
        }
    }
}
