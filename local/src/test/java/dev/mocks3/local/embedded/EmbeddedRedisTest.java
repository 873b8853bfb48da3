package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

class EmbeddedRedisTest {

    @TempDir
    Path workDir;

    @Test
    void answersPingUntilClosed() {
        EmbeddedRedis redis = EmbeddedRedis.start(workDir, 0);
        try (redis) {
            assertThat(RedisProbe.ping(redis.port(), redis.password())).isTrue();
            assertThat(redis.address()).isEqualTo("redis://127.0.0.1:" + redis.port());
        }
        assertThat(RedisProbe.ping(redis.port(), redis.password())).isFalse();
    }

    @Test
    void servesRedissonOnTheRequestedPort() {
        int port = FreePort.pick();
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, port)) {
            assertThat(redis.port()).isEqualTo(port);
            Config config = new Config();
            config.useSingleServer().setAddress(redis.address()).setPassword(redis.password());
            RedissonClient client = Redisson.create(config);
            try {
                client.getBucket("greeting").set("hello");
                assertThat(client.getBucket("greeting").get()).isEqualTo("hello");
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void startsAgainInTheSameWorkDir() {
        EmbeddedRedis.start(workDir, 0).close();
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, 0)) {
            assertThat(RedisProbe.ping(redis.port(), redis.password())).isTrue();
        }
    }

    @Test
    void takesOverThePortFromARunKilledTogetherWithItsWatchdog() throws Exception {
        int port = FreePort.pick();
        KilledRun.withItsWatchdogs("redis", workDir, port);
        String password = new PasswordFile(workDir.resolve("redis/password")).read().orElseThrow();
        assertThat(RedisProbe.ping(port, password)).as("the killed run's Redis is still up").isTrue();
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, port)) {
            assertThat(RedisProbe.ping(port, redis.password())).isTrue();
        }
    }

    @Test
    void fallsBackToRedisServerOnThePathWhenTheBundledOneCannotRun() {
        assumeTrue(ExecutablePath.find("redis-server").isPresent(), "needs redis-server on the PATH");
        RedisProgram wrongPlatform = new RedisProgram.Bundled("/redis-server-5.0.14.1-windows-amd64.exe");
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, 0, List.of(wrongPlatform, RedisProgram.onPath()))) {
            assertThat(RedisProbe.ping(redis.port(), redis.password())).isTrue();
        }
    }

    @Test
    void namesBothProgramsWhenNeitherRuns() {
        RedisProgram wrongPlatform = new RedisProgram.Bundled("/redis-server-5.0.14.1-windows-amd64.exe");
        RedisProgram missing = new RedisProgram.OnPath("no-such-redis-server");
        assertThatThrownBy(() -> EmbeddedRedis.start(workDir, 0, List.of(wrongPlatform, missing)))
                .hasMessageContaining("redis-server-5.0.14.1-windows-amd64.exe")
                .hasMessageContaining("no no-such-redis-server on the PATH");
    }

    @Test
    void refusesToServeAPortThatAnotherRedisHolds() {
        try (EmbeddedRedis first = EmbeddedRedis.start(workDir.resolve("first"), 0)) {
            assertThatThrownBy(() -> EmbeddedRedis.start(workDir.resolve("second"), first.port(),
                    List.of(RedisProgram.bundled())))
                    .hasMessageContaining("Could not start Redis");
            assertThat(RedisProbe.ping(first.port(), first.password())).isTrue();
        }
    }
}
