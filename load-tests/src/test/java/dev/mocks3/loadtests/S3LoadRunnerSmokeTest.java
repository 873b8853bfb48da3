package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.mocks3.loadtests.FakeS3Server.Behaviour;

class S3LoadRunnerSmokeTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    @Test
    void everyScenarioRunsAgainstAWorkingServerAndReportsEveryOperation() throws Exception {
        try (FakeS3Server server = new FakeS3Server(Behaviour.CORRECT)) {
            S3LoadRunner.Report report = run(server, "all");

            assertThat(report.failed()).isFalse();
            assertThat(report.putGet()).hasSize(2).allSatisfy(r -> {
                assertThat(r.put().successes()).isPositive();
                assertThat(r.get().successes()).isEqualTo(r.put().successes());
                assertThat(r.errors()).isZero();
                assertThat(r.put().percentileMillis(99)).isGreaterThanOrEqualTo(r.put().percentileMillis(50));
            });
            assertThat(report.gets()).hasSize(2).allSatisfy(r -> {
                assertThat(r.get().successes()).isPositive();
                assertThat(r.get().errors()).isZero();
            });
            assertThat(report.largeObjects()).singleElement().satisfies(r -> {
                assertThat(r.intact()).isTrue();
                assertThat(r.bytesReceived()).isEqualTo(8L << 20);
                assertThat(r.putMibPerSecond()).isPositive();
            });
            assertThat(server.storedObjects()).as("objects left behind").isZero();
            assertThat(printed())
                    .contains("| put-get-4k | 2 | PUT |", "| put-get-4k | 3 | GET |", "| get-4k | 2 | GET |",
                            "| large-object 8 MiB | 1 | GET |")
                    .contains("SHA-256 matches");
        }
    }

    @Test
    void aLargeObjectThatComesBackAlteredFailsTheRun() throws Exception {
        try (FakeS3Server server = new FakeS3Server(Behaviour.FLIP_A_BYTE_ON_GET)) {
            S3LoadRunner.Report report = run(server, "all");

            assertThat(report.failed()).isTrue();
            assertThat(report.largeObjects().get(0).intact()).isFalse();
            assertThat(report.putGet()).allSatisfy(r -> assertThat(r.get().errors()).isPositive());
            assertThat(report.gets()).allSatisfy(r -> {
                assertThat(r.get().errors()).isPositive();
                assertThat(r.get().successes()).isZero();
            });
            assertThat(printed()).contains("SHA-256 sent");
        }
    }

    @Test
    void failedPutsAreCountedAsErrorsNotAsLatencies() throws Exception {
        try (FakeS3Server server = new FakeS3Server(Behaviour.FAIL_OBJECT_PUTS)) {
            S3LoadRunner.Report report = run(server, "put-get-4k");

            assertThat(report.failed()).isTrue();
            assertThat(report.putGet()).allSatisfy(r -> {
                assertThat(r.put().errors()).isPositive();
                assertThat(r.put().successes()).isZero();
                assertThat(r.get().successes()).isZero();
            });
        }
    }

    private S3LoadRunner.Report run(FakeS3Server server, String scenario) throws Exception {
        S3LoadRunner.Options options = S3LoadRunner.Options.parse("--url", server.url(), "--scenario", scenario,
                "--concurrency", "2,3",
                "--duration", "300ms", "--warmup", "100ms", "--max-pairs", "500", "--size", "8MiB");
        return S3LoadRunner.run(options, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }
}
