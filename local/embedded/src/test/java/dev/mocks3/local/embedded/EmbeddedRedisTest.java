package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
    void refusesClientsWithoutThePassword() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, 0)) {
            assertThat(reply(redis.port(), "PING")).startsWith("-NOAUTH");
            assertThat(reply(redis.port(), "AUTH wrong-password", "PING")).startsWith("-NOAUTH");
        }
    }

    @Test
    void offersNoCommandThatWritesFilesOrReconfiguresIt() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, 0)) {
            String login = "AUTH " + redis.password();
            assertThat(reply(redis.port(), login, "CONFIG SET dir /tmp")).startsWith("-ERR unknown command");
            assertThat(reply(redis.port(), login, "SAVE")).startsWith("-ERR unknown command");
            assertThat(reply(redis.port(), login, "DEBUG SLEEP 0")).startsWith("-ERR unknown command");
            assertThat(reply(redis.port(), login, "MODULE LIST")).startsWith("-ERR unknown command");
            assertThat(reply(redis.port(), login, "PING")).isEqualTo("+PONG");
        }
    }

    @Test
    void keepsItsPasswordInAFileOnlyItsOwnerMayRead() throws Exception {
        try (EmbeddedRedis redis = EmbeddedRedis.start(workDir, 0)) {
            OwnerOnly.assertSecretFile(workDir.resolve("redis/password"), redis.password());
            OwnerOnly.assertSecretFile(workDir.resolve("redis/redis.conf"), "requirepass " + redis.password());
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

    /** Sends inline commands over a plain socket and returns the first line of the last reply. */
    private static String reply(int port, String... commands) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            BufferedReader replies = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String last = null;
            for (String command : commands) {
                socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
                last = replies.readLine();
            }
            return last;
        }
    }
}
