package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

/**
 * One user never reads, lists, changes, downloads or learns the existence of another's files:
 * every endpoint that takes an id answers for a stranger's id exactly as for an id that does not
 * exist, and leaves the owner's files as they were.
 */
class DriveIsolationTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private static final long NOWHERE = 999_999_999L;
    private final DriveClient drive = new DriveClient(MOCKS3);
    private User owner;
    private User stranger;
    private long folder;
    private long file;
    private long trashed;
    private byte[] bytes;

    @BeforeEach
    void ownerWithFiles() {
        owner = drive.newUser();
        stranger = drive.newUser();
        folder = drive.folder(owner, 0, "private");
        bytes = DriveClient.randomBytes(2048);
        file = drive.upload(owner, folder, "secret.bin", bytes);
        trashed = drive.upload(owner, folder, "trashed.bin", DriveClient.randomBytes(100));
        drive.post("/file/v1/file/delete", owner.token(), "id", trashed);
    }

    /** A stranger's id and a made-up id get the same answer, and it is not a success. */
    private void sameAsMissing(String what, java.util.function.LongFunction<Reply> call) {
        Reply theirs = call.apply(idFor(what));
        Reply none = call.apply(NOWHERE);
        assertThat(theirs.code()).as(what).isNotEqualTo(200).isEqualTo(none.code());
        assertThat(theirs.status()).as(what).isEqualTo(none.status());
        assertThat(theirs.body().path("msg").asText()).as(what).isEqualTo(none.body().path("msg").asText());
    }

    private long idFor(String what) {
        return what.startsWith("trash") ? trashed : what.contains("folder") ? folder : file;
    }

    @Test
    void listingAnotherUsersFolder() {
        sameAsMissing("list folder", id -> drive.get("/file/v1/file/list", stranger.token(), "parentId", id));
        assertThat(drive.get("/file/v1/file/list", stranger.token()).data().path("list").size()).isZero();
    }

    @Test
    void detailsOfAnotherUsersFileOrFolder() {
        sameAsMissing("detail file", id -> drive.get("/file/v1/file/detail", stranger.token(), "id", id));
        sameAsMissing("detail folder", id -> drive.get("/file/v1/file/detail", stranger.token(), "id", id));
    }

    @Test
    void renamingMovingCopyingOrDeletingAnotherUsersFile() {
        long mine = drive.folder(stranger, 0, "mine");
        sameAsMissing("rename", id -> drive.post("/file/v1/file/rename", stranger.token(), "id", id, "name", "stolen"));
        sameAsMissing("move file", id -> drive.post("/file/v1/file/move", stranger.token(), "id", id, "parentId", mine));
        sameAsMissing("copy file", id -> drive.post("/file/v1/file/copy", stranger.token(), "id", id, "parentId", mine));
        sameAsMissing("delete file", id -> drive.post("/file/v1/file/delete", stranger.token(), "id", id));
        // nor into their folders
        long own = drive.upload(stranger, 0, "own.bin", DriveClient.randomBytes(10));
        sameAsMissing("move into folder", id -> drive.post("/file/v1/file/move", stranger.token(), "id", own, "parentId", id));
        sameAsMissing("copy into folder", id -> drive.post("/file/v1/file/copy", stranger.token(), "id", own, "parentId", id));
        sameAsMissing("create in folder", id -> drive.post("/file/v1/folder/create", stranger.token(), "parentId", id, "name", "x"));
        assertUntouched();
    }

    @Test
    void downloadingStreamingOrZippingAnotherUsersFiles() {
        sameAsMissing("download", id -> drive.get("/file/v1/file/download", stranger.token(), "id", id));
        sameAsMissing("stream", id -> drive.get("/file/v1/file/stream", stranger.token(), "id", id));
        sameAsMissing("zip folder", id -> drive.get("/file/v1/folder/zip", stranger.token(), "id", id));
        byte[] strangersZip = drive.download("/file/v1/folder/zip?id=0", stranger.token()).body();
        assertThat(new String(strangersZip, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("secret.bin");
    }

    @Test
    void anotherUsersTrash() {
        assertThat(drive.get("/file/v1/trash/list", stranger.token()).data().path("list").size()).isZero();
        sameAsMissing("trash restore", id -> drive.post("/file/v1/trash/restore", stranger.token(), "id", id));
        sameAsMissing("trash delete", id -> drive.post("/file/v1/trash/delete", stranger.token(), "id", id));
        assertThat(drive.get("/file/v1/trash/list", owner.token()).data().path("list").size()).isEqualTo(1);
    }

    @Test
    void anotherUsersUploads() {
        byte[] upload = DriveClient.randomBytes(1000);
        Reply presign = drive.post("/file/v1/upload/presign", owner.token(), "parentId", folder, "name", "pending.bin",
                "size", upload.length, "sha256", DriveClient.sha256(upload));
        String uploadId = presign.data().path("uploadId").asText();
        drive.put(presign.data().path("parts").get(0), upload);
        Reply parts = drive.get("/file/v1/upload/parts", stranger.token(), "uploadId", uploadId);
        Reply callback = drive.post("/file/v1/upload/callback", stranger.token(), "uploadId", uploadId);
        Reply missing = drive.post("/file/v1/upload/callback", stranger.token(), "uploadId", "no-such-upload");
        assertThat(parts.body()).isEqualTo(missing.body());
        assertThat(callback.body()).isEqualTo(missing.body());
        sameAsMissing("presign into folder", id -> drive.post("/file/v1/upload/presign", stranger.token(), "parentId", id,
                "name", "x", "size", 1, "sha256", DriveClient.sha256(new byte[1])));
        sameAsMissing("instant into folder", id -> drive.post("/file/v1/upload/instant", stranger.token(), "parentId", id,
                "name", "x", "size", bytes.length, "sha256", DriveClient.sha256(bytes)));
        // the owner's upload is still theirs to finish
        assertThat(drive.post("/file/v1/upload/callback", owner.token(), "uploadId", uploadId).code()).isEqualTo(200);
    }

    @Test
    void accountEndpointsAnswerForTheCallerOnly() {
        assertThat(drive.get("/usercenter/v1/user/info", stranger.token()).data().path("id").asLong()).isEqualTo(stranger.id());
        assertThat(drive.get("/usercenter/v1/user/info", stranger.token(), "id", owner.id()).data().path("id").asLong())
                .isEqualTo(stranger.id());
        assertThat(drive.get("/usercenter/v1/user/quota", stranger.token()).data().path("used").asLong()).isZero();
        assertThat(drive.post("/usercenter/v1/user/refresh", stranger.token(), "userId", owner.id()).code()).isEqualTo(200);
    }

    private void assertUntouched() {
        JsonNode list = drive.get("/file/v1/file/list", owner.token(), "parentId", folder).data().path("list");
        List<String> names = new ArrayList<>();
        list.forEach(e -> names.add(e.path("name").asText()));
        assertThat(names).containsExactly("secret.bin");
        assertThat(drive.download("/file/v1/file/stream?id=" + file, owner.token()).body()).isEqualTo(bytes);
        assertThat(drive.get("/file/v1/file/list", owner.token()).data().path("list").size()).isEqualTo(1);
    }
}
