package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

class DriveUploadTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private static final int MIB = 1024 * 1024;
    private final DriveClient drive = new DriveClient(MOCKS3);

    @Test
    void instantUploadHitsAnyUsersContentAndChargesTheQuota() {
        User alice = drive.newUser();
        User bob = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(4096);
        String sha = DriveClient.sha256(bytes);
        Reply miss = drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "x.bin", "size", 4096, "sha256", sha);
        assertThat(miss.code()).isEqualTo(200);
        assertThat(miss.data().path("hit").asBoolean()).isFalse();
        assertThat(drive.get("/file/v1/file/list", bob.token()).data().path("list").size()).isZero();

        drive.upload(alice, 0, "x.bin", bytes);
        int objects = DriveBucketObjects.count(MOCKS3);
        Reply hit = drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "x.bin", "size", 4096,
                "sha256", sha.toUpperCase());
        assertThat(hit.data().path("hit").asBoolean()).isTrue();
        assertThat(hit.data().path("file").path("name").asText()).isEqualTo("x.bin");
        assertThat(drive.get("/usercenter/v1/user/quota", bob.token()).data().path("used").asLong()).isEqualTo(4096);
        assertThat(drive.download("/file/v1/file/stream?id=" + hit.data().path("file").path("id").asLong(), bob.token()).body())
                .isEqualTo(bytes);
        assertThat(DriveBucketObjects.count(MOCKS3)).as("content stored once").isEqualTo(objects);
        // a wrong size is no hit, a malformed SHA-256 is refused
        assertThat(drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "y.bin", "size", 4095, "sha256", sha)
                .data().path("hit").asBoolean()).isFalse();
        assertThat(drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "y.bin", "size", 1, "sha256", "abc")
                .code()).isEqualTo(100002);
        assertThat(drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "y.bin", "size", -1, "sha256", sha)
                .code()).isEqualTo(100002);
    }

    @Test
    void reconcileCorrectsAQuotaThatDriftedFromTheFiles() {
        User user = drive.newUser();
        drive.upload(user, 0, "a.bin", DriveClient.randomBytes(3000));
        // drift as a crash between two systems would leave it: the used bytes no longer match the files
        MOCKS3.bean(org.springframework.r2dbc.core.DatabaseClient.class)
                .sql("update drive_users set quota_used = 777 where id = $1").bind(0, user.id()).fetch().rowsUpdated().block();
        assertThat(MOCKS3.bean(dev.mocks3.drive.content.QuotaLedger.class).reconcile().block()).isGreaterThanOrEqualTo(1);
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isEqualTo(3000);
    }

    @Test
    void twentyConcurrentUploadsRacingForTheLastMegabytesNeverOverdrawTheQuota() throws Exception {
        User owner = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(4 * MIB);
        drive.upload(owner, 0, "seed.bin", bytes);
        User racer = drive.newUser();
        // 52 of the racer's 64 MiB are used: room for three 4 MiB files of the twenty
        byte[] filler = DriveClient.randomBytes(4 * MIB);
        drive.upload(owner, 0, "filler.bin", filler);
        for (int i = 0; i < 13; i++) {
            assertThat(drive.post("/file/v1/upload/instant", racer.token(), "parentId", 0, "name", "fill-" + i, "size", filler.length,
                    "sha256", DriveClient.sha256(filler)).data().path("hit").asBoolean()).isTrue();
        }
        List<Thread> threads = new ArrayList<>();
        List<Reply> replies = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int i = 0; i < 20; i++) {
            String name = "race-" + i;
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                replies.add(drive.post("/file/v1/upload/instant", racer.token(), "parentId", 0, "name", name, "size", bytes.length,
                        "sha256", DriveClient.sha256(bytes)));
            });
            t.start();
            threads.add(t);
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(60_000);
        }
        assertThat(replies).hasSize(20);
        assertThat(replies.stream().filter(r -> r.code() == 200)).hasSize(3);
        assertThat(replies.stream().filter(r -> r.code() == 300005 && r.status() == 403)).hasSize(17);
        JsonNode quota = drive.get("/usercenter/v1/user/quota", racer.token()).data();
        assertThat(quota.path("used").asLong()).isEqualTo(64L * MIB).isEqualTo(quota.path("total").asLong());
        assertThat(drive.get("/file/v1/file/list", racer.token(), "limit", 1000).data().path("list").size()).isEqualTo(16);
    }
}
