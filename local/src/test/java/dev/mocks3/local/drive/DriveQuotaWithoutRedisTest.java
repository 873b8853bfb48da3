package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

/**
 * A drive whose Redis goes away (a relay the test cuts; Redis keeps what it cached): charges, refunds
 * and quota reads still answer, with what PostgreSQL holds, and once Redis is back the cache holds
 * those figures, not the ones it had before it went away, for this instance and the others.
 */
class DriveQuotaWithoutRedisTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private static final int SIZE = 1000;
    private static CuttableRelay redis;
    private static SideRunner side;
    private static DriveClient drive;

    @BeforeAll
    static void startADriveWhoseRedisIsBehindARelay() throws Exception {
        URI address = URI.create(MOCKS3.runner().context().getEnvironment().getRequiredProperty("mocks3.redis.address"));
        redis = new CuttableRelay(address.getHost(), address.getPort());
        side = SideRunner.start(Map.of("mocks3.redis.address", "redis://127.0.0.1:" + redis.port()));
        drive = new DriveClient(side.runner(), MOCKS3.http());
    }

    @AfterAll
    static void stop() throws Exception {
        side.close();
        redis.close();
    }

    @Test
    void chargesRefundsAndReadsAnswerFromPostgresWhileRedisIsAway() {
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(SIZE);
        long file = drive.upload(user, 0, "first.bin", bytes);
        assertThat(used(drive, user)).as("cached before Redis goes away").isEqualTo(SIZE);
        redis.cut();
        try {
            Reply copy = promptly(() -> drive.post("/file/v1/file/copy", user.token(), "id", file, "parentId", 0, "onConflict", "rename"));
            assertThat(copy.code()).as("a copy charges: %s", copy).isEqualTo(200);
            assertThat(promptly(() -> used(drive, user))).isEqualTo(2 * SIZE);
            Reply instant = promptly(() -> drive.post("/file/v1/upload/instant", user.token(), "parentId", 0, "name", "again.bin",
                    "size", SIZE, "sha256", DriveClient.sha256(bytes)));
            assertThat(instant.data().path("hit").asBoolean()).as("an instant upload charges: %s", instant).isTrue();
            assertThat(promptly(() -> used(drive, user))).isEqualTo(3 * SIZE);
            long copied = copy.data().path("id").asLong();
            assertThat(drive.post("/file/v1/file/delete", user.token(), "id", copied).code()).isEqualTo(200);
            Reply purged = promptly(() -> drive.post("/file/v1/trash/delete", user.token(), "id", copied));
            assertThat(purged.code()).as("a purge refunds: %s", purged).isEqualTo(200);
            assertThat(promptly(() -> used(drive, user))).isEqualTo(2 * SIZE);
        } finally {
            redis.restore();
        }
        assertThat(used(drive, user)).isEqualTo(2 * SIZE);
    }

    @Test
    void onceRedisIsBackEveryInstanceReadsTheChargesMadeWhileItWasAway() throws Exception {
        User user = drive.newUser();
        long file = drive.upload(user, 0, "first.bin", DriveClient.randomBytes(SIZE));
        DriveClient shared = new DriveClient(MOCKS3);
        User onShared = shared.login(user);
        assertThat(used(drive, user)).isEqualTo(SIZE);
        assertThat(used(shared, onShared)).as("the instance that talks to Redis directly reads the cache").isEqualTo(SIZE);
        redis.cut();
        try {
            assertThat(drive.post("/file/v1/file/copy", user.token(), "id", file, "parentId", 0, "onConflict", "rename").code())
                    .isEqualTo(200);
        } finally {
            redis.restore();
        }
        assertThat(used(drive, user)).as("the instance that charged").isEqualTo(2 * SIZE);
        assertThat(awaitUsed(shared, onShared, 2 * SIZE, Duration.ofSeconds(20))).as("another instance").isEqualTo(2 * SIZE);
    }

    /** What {@code request} answers, having checked that it took less than 5 seconds (Redisson alone gives up after about 15). */
    private static <T> T promptly(Supplier<T> request) {
        long started = System.nanoTime();
        T answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("time to answer").isLessThan(Duration.ofSeconds(5));
        return answer;
    }

    private static long awaitUsed(DriveClient on, User user, long expected, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long used = used(on, user);
        while (used != expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            used = used(on, user);
        }
        return used;
    }

    private static long used(DriveClient on, User user) {
        Reply quota = on.get("/usercenter/v1/user/quota", user.token());
        assertThat(quota.code()).as("quota: %s", quota).isEqualTo(200);
        return quota.data().path("used").asLong();
    }
}
