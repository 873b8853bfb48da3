package dev.mocks3.loadtests.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mocks3.local.LocalRunner;

/**
 * A short soak against a real MockS3 (the local runner on its embedded PostgreSQL and Redis): mixed
 * traffic with abandoned requests, PostgreSQL killed halfway, then the consistency check. The full
 * 10-minute run is {@code load-tests/soak.sh}; its figures are in load-tests/README.md.
 */
class SoakRunnerTest {

    @Test
    void noAcknowledgedWriteIsLostAndNothingIsLeftBehindWhenPostgresIsKilledMidway() throws Exception {
        Path dataDir = Path.of("target", "soak-data", UUID.randomUUID().toString()).toAbsolutePath();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (LocalRunner mocks3 = LocalRunner.start(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString(), "mocks3.storage.sweep-interval", "5s",
                "mocks3.storage.orphan-grace", "2s"))) {
            SoakRunner.Options options = new SoakRunner.Options("http://127.0.0.1:" + mocks3.port(), dataDir,
                    Duration.ofSeconds(40), 6, 4, Duration.ofSeconds(10), 42);
            SoakTally tally = SoakRunner.run(options, new PrintStream(output, true, StandardCharsets.UTF_8));
            String report = output.toString(StandardCharsets.UTF_8);
            System.out.println(report);

            assertThat(tally.violations()).as(report).isZero();
            assertThat(tally.total(SoakTally.Outcome.OK)).as(report).isGreaterThan(100);
            assertThat(report).contains("killed PostgreSQL").contains("temporary upload files left: 0")
                    .contains("blob files left after deleting every object: 0");
        }
    }

    @Test
    void aLedgerAllowsOnlyWhatWasAcknowledgedOrMayHaveLanded() {
        KeyLedger key = new KeyLedger("k");
        SoakContent first = new SoakContent(1, 3, "md5-one", "md5-one");
        SoakContent second = new SoakContent(2, 3, "md5-two", "md5-two");
        assertThat(key.allows(null)).isTrue();
        key.written(first);
        assertThat(key.allows("md5-one")).isTrue();
        assertThat(key.allows(null)).isFalse();
        key.maybe(java.util.Optional.of(second));
        assertThat(key.allows("md5-two")).isTrue();
        assertThat(key.allows("md5-one")).isTrue();
        key.observed("md5-two");
        assertThat(key.allows("md5-one")).as("a read saw the newer write land").isFalse();
        key.deleted();
        assertThat(key.allows("md5-two")).isFalse();
        assertThat(key.allows(null)).isTrue();
    }
}
