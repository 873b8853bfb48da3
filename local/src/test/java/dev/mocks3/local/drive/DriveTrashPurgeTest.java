package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.events.EventTypes;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;
import dev.mocks3.local.embedded.RunnerProcess;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Trash items are purged by a delayed job when their retention runs out: the job is a row in
 * PostgreSQL, so one due while MockS3 is down runs after the restart; the quota is refunded and a
 * content's bytes leave S3 with its last reference. Each purge event runs once, and a restored item
 * is left alone.
 */
class DriveTrashPurgeTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String BUCKET = "polaris-files";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPurgeDueWhileStoppedRunsAfterTheRestartRefundingAndDeletingBytesWithTheLastReference() throws Exception {
        Path dataDir = RunnerProcess.freshDataDir();
        int drivePort = freePort();
        String[] settings = {"--mocks3.drive.port=" + drivePort, "--mocks3.drive.trash.retention=6s",
                "--mocks3.notifications.poll-interval=200ms"};
        byte[] shared = DriveClient.randomBytes(4096);
        byte[] solo = DriveClient.randomBytes(1024);
        User alice;
        User bob;
        long aliceShared;
        long aliceSolo;
        long bobShared;
        try (RunnerProcess first = RunnerProcess.start(dataDir, settings)) {
            DriveClient drive = new DriveClient(URI.create("http://127.0.0.1:" + drivePort), http);
            alice = drive.newUser();
            bob = drive.newUser();
            aliceShared = drive.upload(alice, 0, "shared.bin", shared);
            aliceSolo = drive.upload(alice, 0, "solo.bin", solo);
            Reply hit = drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "mine too.bin",
                    "size", shared.length, "sha256", DriveClient.sha256(shared));
            assertThat(hit.data().path("hit").asBoolean()).isTrue();
            bobShared = hit.data().path("file").path("id").asLong();
            try (S3Client s3 = MockS3Fixture.singleAttemptClient(endpoint(first))) {
                assertThat(objects(s3)).as("one object per content").hasSize(2);
            }

            assertThat(drive.post("/file/v1/file/delete", alice.token(), "id", aliceShared).code()).isEqualTo(200);
            assertThat(drive.post("/file/v1/file/delete", alice.token(), "id", aliceSolo).code()).isEqualTo(200);
            assertThat(used(drive, alice)).as("the trash still counts").isEqualTo(shared.length + solo.length);
            first.kill();
        }
        Thread.sleep(7000); // the purges fall due while nothing runs

        try (RunnerProcess second = RunnerProcess.start(dataDir, settings);
             S3Client s3 = MockS3Fixture.singleAttemptClient(endpoint(second))) {
            DriveClient drive = new DriveClient(URI.create("http://127.0.0.1:" + drivePort), http);
            awaitTrue("alice's quota refunded", () -> used(drive, alice) == 0);
            assertThat(drive.get("/file/v1/trash/list", alice.token()).data().path("list")).isEmpty();
            awaitTrue("the bytes only alice held gone", () -> objects(s3).size() == 1);
            assertThat(used(drive, bob)).isEqualTo(shared.length);
            assertThat(drive.get("/file/v1/file/detail", bob.token(), "id", bobShared).code())
                    .as("bob's file, same content, untouched").isEqualTo(200);
            assertThat(drive.download("/file/v1/file/stream?id=" + bobShared, bob.token()).body()).isEqualTo(shared);

            assertThat(drive.post("/file/v1/file/delete", bob.token(), "id", bobShared).code()).isEqualTo(200);
            awaitTrue("bob's quota refunded", () -> used(drive, bob) == 0);
            awaitTrue("the last reference went, and the bytes with it", () -> objects(s3).isEmpty());
        }
    }

    @Test
    void aPurgeEventDeliveredTwicePurgesOnceAndARestoredItemIsLeftAlone() throws Exception {
        MockS3Fixture mocks3 = MockS3Fixture.shared();
        DriveClient drive = new DriveClient(mocks3);
        DriveJobs jobs = new DriveJobs(mocks3.http(), mocks3.endpoint());
        User user = drive.newUser();
        long kept = drive.upload(user, 0, "kept.txt", DriveClient.randomBytes(100));
        long gone = drive.upload(user, 0, "gone.txt", DriveClient.randomBytes(300));

        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", kept).code()).isEqualTo(200);
        String keptEvent = purgeEvent(user, kept, deletedAt(drive, user, kept));
        URI scheduled = mocks3.uri("/_mocks3/jobs/scheduled/drive-trash-purge-" + kept + "-"
                + ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(deletedAt(drive, user, kept))));
        assertThat(status(scheduled)).as("the purge waits in the outbox").isEqualTo(200);
        assertThat(drive.post("/file/v1/trash/restore", user.token(), "id", kept).code()).isEqualTo(200);
        assertThat(status(scheduled)).as("the restore took it back").isEqualTo(404);
        JsonNode restored = jobs.run(UUID.randomUUID().toString(), EventTypes.JOB_DRIVE_TRASH_PURGE, keptEvent);
        assertThat(restored.path("result").path("purged").asBoolean()).as("restored before its purge").isFalse();
        assertThat(drive.get("/file/v1/file/detail", user.token(), "id", kept).code()).isEqualTo(200);

        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", gone).code()).isEqualTo(200);
        String goneEvent = purgeEvent(user, gone, deletedAt(drive, user, gone));
        String id = UUID.randomUUID().toString();
        JsonNode first = jobs.run(id, EventTypes.JOB_DRIVE_TRASH_PURGE, goneEvent);
        assertThat(first.path("ran").asBoolean()).isTrue();
        assertThat(first.path("result").path("purged").asBoolean()).isTrue();
        assertThat(first.path("result").path("refunded").asLong()).isEqualTo(300);
        assertThat(used(drive, user)).isEqualTo(100);

        // the same content back under the same name, then the same event again: nothing changes
        long again = drive.upload(user, 0, "gone.txt", DriveClient.randomBytes(300));
        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", again).code()).isEqualTo(200);
        JsonNode second = jobs.run(id, EventTypes.JOB_DRIVE_TRASH_PURGE, goneEvent);
        assertThat(second.path("ran").asBoolean()).as("the same event id runs once").isFalse();
        assertThat(second.path("result")).isEqualTo(first.path("result"));
        assertThat(used(drive, user)).isEqualTo(400);
        assertThat(drive.get("/file/v1/trash/list", user.token()).data().path("list")).hasSize(1);

        // an event for another deletion time (an earlier deletion of the item) leaves the item alone
        JsonNode stale = jobs.run(UUID.randomUUID().toString(), EventTypes.JOB_DRIVE_TRASH_PURGE,
                purgeEvent(user, again, "2020-01-01T00:00:00Z"));
        assertThat(stale.path("result").path("purged").asBoolean()).isFalse();
        assertThat(used(drive, user)).isEqualTo(400);
        assertThat(deletedAt(drive, user, again)).isNotEmpty();
    }

    @Test
    void anUploadWithoutCallbackIsAbortedByItsDelayedJobAndACompletedOneIsLeftAlone() throws Exception {
        MockS3Fixture mocks3 = MockS3Fixture.shared();
        DriveClient drive = new DriveClient(mocks3);
        DriveJobs jobs = new DriveJobs(mocks3.http(), mocks3.endpoint());
        User user = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(500);
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "abandoned.bin",
                "size", bytes.length, "sha256", DriveClient.sha256(bytes));
        String uploadId = presign.data().path("uploadId").asText();
        assertThat(drive.put(presign.data().path("parts").get(0), bytes)).isEqualTo(200);
        assertThat(status(mocks3.uri("/_mocks3/jobs/scheduled/drive-upload-expire-" + uploadId)))
                .as("its abort is scheduled with the upload").isEqualTo(200);
        String key = "uploads/" + user.id() + "/" + uploadId;
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).contents()).hasSize(1);

        String payload = "{\"user_id\":" + user.id() + ",\"upload_id\":\"" + uploadId + "\"}";
        String id = UUID.randomUUID().toString();
        JsonNode aborted = jobs.run(id, EventTypes.JOB_DRIVE_UPLOAD_EXPIRE, payload);
        assertThat(aborted.path("result").path("aborted").asBoolean()).isTrue();
        assertThat(mocks3.s3().listObjectsV2(b -> b.bucket(BUCKET).prefix(key)).contents()).as("its bytes left S3").isEmpty();
        assertThat(drive.post("/file/v1/upload/callback", user.token(), "uploadId", uploadId).code()).isEqualTo(300008);
        assertThat(jobs.run(id, EventTypes.JOB_DRIVE_UPLOAD_EXPIRE, payload).path("ran").asBoolean()).isFalse();

        Reply second = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "completed.bin",
                "size", bytes.length, "sha256", DriveClient.sha256(bytes));
        String completed = second.data().path("uploadId").asText();
        assertThat(drive.put(second.data().path("parts").get(0), bytes)).isEqualTo(200);
        long done = drive.post("/file/v1/upload/callback", user.token(), "uploadId", completed).data().path("id").asLong();
        JsonNode late = jobs.run(UUID.randomUUID().toString(), EventTypes.JOB_DRIVE_UPLOAD_EXPIRE,
                "{\"user_id\":" + user.id() + ",\"upload_id\":\"" + completed + "\"}");
        assertThat(late.path("result").path("aborted").asBoolean()).as("completed before it fell due").isFalse();
        assertThat(drive.download("/file/v1/file/stream?id=" + done, user.token()).body()).isEqualTo(bytes);
    }

    private int status(URI uri) throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(uri).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String purgeEvent(User user, long id, String deletedAt) {
        return "{\"user_id\":" + user.id() + ",\"entry_id\":" + id + ",\"trashed_at\":\"" + deletedAt + "\"}";
    }

    private static String deletedAt(DriveClient drive, User user, long id) {
        for (JsonNode item : drive.get("/file/v1/trash/list", user.token()).data().path("list")) {
            if (item.path("id").asLong() == id) {
                return item.path("deletedAt").asText();
            }
        }
        throw new AssertionError("not in the trash: " + id);
    }

    private static long used(DriveClient drive, User user) {
        return drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong();
    }

    private static List<S3Object> objects(S3Client s3) {
        return s3.listObjectsV2(b -> b.bucket(BUCKET)).contents();
    }

    private static void awaitTrue(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    private static URI endpoint(RunnerProcess runner) {
        return URI.create("http://localhost:" + runner.port());
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
