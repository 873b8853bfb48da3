package dev.mocks3.loadtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class RunnerArithmeticTest {

    @Test
    void percentilesAreNearestRankOverSortedValues() {
        long[] oneToHundred = LongStream.rangeClosed(1, 100).toArray();

        assertThat(Percentiles.nearestRank(oneToHundred, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(oneToHundred, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(oneToHundred, 99.5)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(oneToHundred, 100)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(oneToHundred, 0.1)).isEqualTo(1);
        assertThat(Percentiles.nearestRank(new long[] {7}, 99)).isEqualTo(7);
        // ten values: p50 is the 5th, p99 the 10th
        long[] ten = {10, 20, 30, 40, 50, 60, 70, 80, 90, 1000};
        assertThat(Percentiles.nearestRank(ten, 50)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(ten, 99)).isEqualTo(1000);
    }

    @Test
    void percentilesRefuseNoValuesAndOutOfRangeRanks() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesDivideByElapsedTime() {
        assertThat(Rates.mibPerSecond(1L << 30, 2_000_000_000L)).isEqualTo(512.0);
        assertThat(Rates.mibPerSecond(3L << 20, 1_500_000_000L)).isCloseTo(2.0, within(1e-9));
        assertThat(Rates.perSecond(1000, 500_000_000L)).isEqualTo(2000.0);
        assertThat(Rates.millis(1_500_000)).isEqualTo(1.5);
        assertThatThrownBy(() -> Rates.perSecond(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergedLatencyLogsGiveSortedPercentilesAndSummedErrors() {
        LatencyLog a = new LatencyLog();
        LatencyLog b = new LatencyLog();
        for (long ms = 1; ms <= 2000; ms++) {
            (ms % 2 == 0 ? a : b).record(ms * 1_000_000);
        }
        a.error();
        b.error();
        b.error();

        OpStats stats = LatencyLog.merge("GET", List.of(a, b), 4_000_000_000L);

        assertThat(stats.successes()).isEqualTo(2000);
        assertThat(stats.errors()).isEqualTo(3);
        assertThat(stats.requestsPerSecond()).isEqualTo(500.0);
        assertThat(stats.percentileMillis(50)).isEqualTo(1000.0);
        assertThat(stats.percentileMillis(99)).isEqualTo(1980.0);
        assertThat(LatencyLog.merge("PUT", List.of(), 1).percentileMillis(50)).isNaN();
    }

    @Test
    void largeObjectThroughputIsReportedInMebibytesPerSecond() {
        var result = new LargeObjectScenario.Result(1L << 30, 4_000_000_000L, 200, 1_000_000_000L, 200, 1L << 30, "a", "a");

        assertThat(result.putMibPerSecond()).isEqualTo(256.0);
        assertThat(result.getMibPerSecond()).isEqualTo(1024.0);
        assertThat(result.intact()).isTrue();
        assertThat(new LargeObjectScenario.Result(10, 1, 200, 1, 200, 9, "a", "a").intact()).isFalse();
        assertThat(new LargeObjectScenario.Result(10, 1, 200, 1, 200, 10, "a", "b").intact()).isFalse();
    }

    @Test
    void generatedContentHasTheExactLengthAndIsTheSameForTheSameSeed() throws Exception {
        assertThat(sha256(new GeneratedContent(1_000_003, 42))).isEqualTo(sha256(new GeneratedContent(1_000_003, 42)))
                .isNotEqualTo(sha256(new GeneratedContent(1_000_003, 43)));
        try (GeneratedContent content = new GeneratedContent(1_000_003, 42)) {
            assertThat(content.readAllBytes()).hasSize(1_000_003);
        }
        // byte-at-a-time and bulk reads give the same stream
        GeneratedContent single = new GeneratedContent(20, 5);
        byte[] one = new byte[20];
        for (int i = 0; i < 20; i++) {
            one[i] = (byte) single.read();
        }
        assertThat(single.read()).isEqualTo(-1);
        assertThat(one).isEqualTo(new GeneratedContent(20, 5).readAllBytes());
    }

    @Test
    void optionsUnderstandUnitsAndRefuseUnboundedRuns() {
        S3LoadRunner.Options options = S3LoadRunner.Options.parse("--concurrency", "16, 64", "--duration", "2m",
                "--warmup", "500ms", "--size", "64MiB", "--scenario", "put-get-4k");

        assertThat(options.concurrency()).containsExactly(16, 64);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.warmup()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.size()).isEqualTo(64L << 20);
        assertThat(options.scenarios()).containsExactly("put-get-4k");
        assertThat(S3LoadRunner.Options.parse().size()).isEqualTo(1L << 30);
        assertThatThrownBy(() -> S3LoadRunner.Options.parse("--duration", "11m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3LoadRunner.Options.parse("--duration", "30")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3LoadRunner.Options.parse("--concurrency", "0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3LoadRunner.Options.parse("--size", "17GiB")).isInstanceOf(IllegalArgumentException.class);
        assertThat(S3LoadRunner.Options.parse("--rules", "100", "--rules-url", "http://127.0.0.1:18085").rules()).isEqualTo(100);
        assertThat(S3LoadRunner.Options.parse().scenarios()).containsExactly("put-get-4k", "get-4k", "large-object");
        assertThatThrownBy(() -> S3LoadRunner.Options.parse("--rules", "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> S3LoadRunner.Options.parse("--scenario", "get-1m")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyLoopbackTargetsAreAccepted() {
        assertThat(LoadTarget.of("http://localhost:8080/").base().toString()).isEqualTo("http://localhost:8080");
        assertThat(LoadTarget.of("http://127.0.0.1:9000").object("b", "dir/a b+c").toString())
                .isEqualTo("http://127.0.0.1:9000/b/dir/a%20b%2Bc");
        LoadTarget.of("http://[::1]:8080");
        for (String url : List.of("http://10.0.0.5:8080", "http://192.168.1.2", "http://example.com",
                "http://localhost.example.com", "ftp://localhost")) {
            assertThatThrownBy(() -> LoadTarget.of(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String sha256(GeneratedContent content) throws IOException, Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.readAllBytes()));
    }
}
