package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class KilledLocalRunnerTest {

    private final Path dataDir = RunnerProcess.freshDataDir();

    @Test
    void killingTheRunnerWithSigkillStopsItsPostgresAndRedis() throws Exception {
        Path pgdata = dataDir.resolve("postgres/pgdata");
        Path redisDir = dataDir.resolve("redis/redis");
        long postmaster;
        List<ProcessHandle> redis;
        try (RunnerProcess runner = RunnerProcess.start(dataDir)) {
            postmaster = Long.parseLong(Files.readAllLines(pgdata.resolve("postmaster.pid")).get(0).strip());
            redis = Leftovers.workingIn(redisDir, "redis");
            assertThat(ProcStatus.running(postmaster)).isTrue();
            assertThat(redis).hasSize(1);

            runner.kill();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline && (ProcStatus.running(postmaster) || ProcStatus.running(redis.get(0).pid()))) {
            Thread.sleep(100);
        }
        assertThat(ProcStatus.running(postmaster)).as("the postmaster of the killed runner still runs").isFalse();
        assertThat(ProcStatus.running(redis.get(0).pid())).as("the Redis of the killed runner still runs").isFalse();
        assertThat(Leftovers.workingIn(pgdata, "postgres")).as("PostgreSQL backends left behind").isEmpty();
    }
}
