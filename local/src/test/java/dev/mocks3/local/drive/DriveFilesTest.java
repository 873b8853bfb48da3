package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

class DriveFilesTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private final DriveClient drive = new DriveClient(MOCKS3);

    @Test
    void namesAreUniquePerFolderCaseSensitiveWithAnOptionalNumberedName() {
        User user = drive.newUser();
        drive.folder(user, 0, "Docs");
        Reply taken = drive.post("/file/v1/folder/create", user.token(), "parentId", 0, "name", "Docs");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo(300002);
        assertThat(drive.post("/file/v1/folder/create", user.token(), "parentId", 0, "name", "docs").code()).isEqualTo(200);
        Reply numbered = drive.post("/file/v1/folder/create", user.token(), "parentId", 0, "name", "Docs", "onConflict", "rename");
        assertThat(numbered.data().path("name").asText()).isEqualTo("Docs (1)");
        drive.upload(user, 0, "a.txt", "one".getBytes());
        Reply presign = drive.post("/file/v1/upload/presign", user.token(), "parentId", 0, "name", "a.txt", "size", 3,
                "sha256", DriveClient.sha256("two".getBytes()), "onConflict", "rename");
        drive.put(presign.data().path("parts").get(0), "two".getBytes());
        Reply second = drive.post("/file/v1/upload/callback", user.token(), "uploadId", presign.data().path("uploadId").asText());
        assertThat(second.data().path("name").asText()).isEqualTo("a (1).txt");
    }

    @Test
    void badNamesAreRefused() {
        User user = drive.newUser();
        for (String name : new String[] {"a/b", "a\\b", "nul\u0000here", ".", "..", "", "x".repeat(256), "\u00e9".repeat(128)}) {
            Reply r = drive.post("/file/v1/folder/create", user.token(), "parentId", 0, "name", name);
            assertThat(r.status()).as("name %s", name).isEqualTo(400);
            assertThat(r.code()).as("name %s", name).isIn(300003, 100002);
        }
        assertThat(drive.post("/file/v1/folder/create", user.token(), "parentId", 0, "name", "x".repeat(255)).code()).isEqualTo(200);
        assertThat(drive.post("/file/v1/folder/create", user.token(), "parentId", 0, "name", "...").code()).isEqualTo(200);
        assertThat(drive.post("/file/v1/folder/create", user.token(), "parentId", 987654321, "name", "x").code()).isEqualTo(300001);
        assertThat(drive.post("/file/v1/folder/create", user.token(), "parentId", -1, "name", "x").code()).isEqualTo(100002);
        assertThat(drive.post("/file/v1/folder/create", user.token(), "parentId", "abc", "name", "x").code()).isEqualTo(100002);
    }

    @Test
    void aFolderListsFoldersFirstSortedAndPagedWithACursor() {
        User user = drive.newUser();
        long parent = drive.folder(user, 0, "list");
        drive.upload(user, parent, "b.bin", new byte[30]);
        drive.upload(user, parent, "a.bin", new byte[20]);
        drive.upload(user, parent, "c.bin", new byte[10]);
        drive.folder(user, parent, "zeta");
        drive.folder(user, parent, "alpha");

        assertThat(names(drive.get("/file/v1/file/list", user.token(), "parentId", parent).data().path("list")))
                .containsExactly("alpha", "zeta", "a.bin", "b.bin", "c.bin");
        assertThat(names(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "sort", "name", "order", "desc")
                .data().path("list"))).containsExactly("zeta", "alpha", "c.bin", "b.bin", "a.bin");
        assertThat(names(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "sort", "size").data().path("list")))
                .containsExactly("zeta", "alpha", "c.bin", "a.bin", "b.bin");
        assertThat(names(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "sort", "time", "order", "desc")
                .data().path("list"))).containsExactly("alpha", "zeta", "c.bin", "a.bin", "b.bin");

        for (String sort : new String[] {"name", "time", "size"}) {
            List<String> paged = new ArrayList<>();
            String cursor = "";
            do {
                Reply page = drive.get("/file/v1/file/list", user.token(), "parentId", parent, "sort", sort, "limit", 2, "cursor", cursor);
                assertThat(page.data().path("list").size()).isLessThanOrEqualTo(2);
                paged.addAll(names(page.data().path("list")));
                cursor = page.data().path("nextCursor").asText("");
            } while (!cursor.isEmpty());
            assertThat(paged).as("sort %s", sort)
                    .isEqualTo(names(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "sort", sort).data().path("list")));
        }
        assertThat(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "cursor", "garbage!").code()).isEqualTo(100002);
        assertThat(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "sort", "colour").code()).isEqualTo(100002);
        assertThat(drive.get("/file/v1/file/list", user.token(), "parentId", parent, "limit", 0).code()).isEqualTo(100002);
    }

    @Test
    void detailsRenameAndMove() {
        User user = drive.newUser();
        long a = drive.folder(user, 0, "a");
        long b = drive.folder(user, a, "b");
        long file = drive.upload(user, b, "f.txt", "hello".getBytes());
        JsonNode detail = drive.get("/file/v1/file/detail", user.token(), "id", file).data();
        assertThat(detail.path("name").asText()).isEqualTo("f.txt");
        assertThat(detail.path("type").asText()).isEqualTo("file");
        assertThat(detail.path("size").asLong()).isEqualTo(5);
        assertThat(detail.path("parentId").asLong()).isEqualTo(b);
        assertThat(detail.path("sha256").asText()).isEqualTo(DriveClient.sha256("hello".getBytes()));

        assertThat(drive.post("/file/v1/file/rename", user.token(), "id", file, "name", "g.txt").data().path("name").asText())
                .isEqualTo("g.txt");
        drive.upload(user, b, "h.txt", "x".getBytes());
        assertThat(drive.post("/file/v1/file/rename", user.token(), "id", file, "name", "h.txt").code()).isEqualTo(300002);
        assertThat(drive.post("/file/v1/file/rename", user.token(), "id", file, "name", "a/b").code()).isEqualTo(300003);

        assertThat(drive.post("/file/v1/file/move", user.token(), "id", file, "parentId", 0).data().path("parentId").asLong()).isZero();
        Reply intoItself = drive.post("/file/v1/file/move", user.token(), "id", a, "parentId", a);
        assertThat(intoItself.code()).isEqualTo(300004);
        assertThat(intoItself.status()).isEqualTo(400);
        assertThat(drive.post("/file/v1/file/move", user.token(), "id", a, "parentId", b).code()).isEqualTo(300004);
        assertThat(drive.post("/file/v1/file/move", user.token(), "id", b, "parentId", file).code()).isEqualTo(300006);
        assertThat(drive.post("/file/v1/file/move", user.token(), "id", b, "parentId", 0).data().path("parentId").asLong()).isZero();
        assertThat(drive.post("/file/v1/file/move", user.token(), "id", a, "parentId", b).data().path("parentId").asLong()).isEqualTo(b);
    }

    @Test
    void copyAddsFilesButNoBytesAndChargesTheQuota() {
        User user = drive.newUser();
        long src = drive.folder(user, 0, "src");
        long sub = drive.folder(user, src, "sub");
        byte[] bytes = DriveClient.randomBytes(1000);
        drive.upload(user, sub, "f.bin", bytes);
        drive.upload(user, src, "g.bin", DriveClient.randomBytes(500));
        int objects = DriveBucketObjects.count(MOCKS3);

        Reply copy = drive.post("/file/v1/file/copy", user.token(), "id", src, "parentId", 0, "onConflict", "rename");
        assertThat(copy.code()).isEqualTo(200);
        assertThat(copy.data().path("name").asText()).isEqualTo("src (1)");
        long copied = copy.data().path("id").asLong();
        JsonNode list = drive.get("/file/v1/file/list", user.token(), "parentId", copied).data().path("list");
        assertThat(names(list)).containsExactly("sub", "g.bin");
        long copiedSub = list.get(0).path("id").asLong();
        assertThat(names(drive.get("/file/v1/file/list", user.token(), "parentId", copiedSub).data().path("list"))).containsExactly("f.bin");
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isEqualTo(3000);
        assertThat(DriveBucketObjects.count(MOCKS3)).isEqualTo(objects);

        assertThat(drive.post("/file/v1/file/copy", user.token(), "id", src, "parentId", sub).code()).isEqualTo(300004);
        assertThat(drive.post("/file/v1/file/copy", user.token(), "id", src, "parentId", 0).code()).isEqualTo(300002);
        // the refused copies charged nothing, in PostgreSQL or in the cached quota
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isEqualTo(3000);
    }

    @Test
    void deleteGoesToTheTrashAndRestoresToItsFolderOrTheRoot() {
        User user = drive.newUser();
        long keep = drive.folder(user, 0, "keep");
        long file = drive.upload(user, keep, "f.txt", "f".getBytes());
        long gone = drive.folder(user, 0, "gone");
        long inner = drive.upload(user, gone, "inner.txt", "i".getBytes());
        long orphan = drive.upload(user, gone, "orphan.txt", "o".getBytes());

        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", orphan).code()).isEqualTo(200);
        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", file).code()).isEqualTo(200);
        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", gone).code()).isEqualTo(200);
        assertThat(drive.get("/file/v1/file/detail", user.token(), "id", inner).code()).isEqualTo(300001);
        assertThat(drive.get("/file/v1/file/list", user.token(), "parentId", gone).code()).isEqualTo(300001);
        assertThat(names(drive.get("/file/v1/trash/list", user.token()).data().path("list")))
                .containsExactly("gone", "f.txt", "orphan.txt");
        assertThat(drive.get("/file/v1/trash/list", user.token()).data().path("list").get(0).path("deletedAt").asText()).isNotBlank();
        // the trash still counts against the quota
        assertThat(drive.get("/usercenter/v1/user/quota", user.token()).data().path("used").asLong()).isEqualTo(3);

        // a new f.txt took the old one's place meanwhile: the restored one gets a numbered name
        drive.upload(user, keep, "f.txt", "new".getBytes());
        Reply restored = drive.post("/file/v1/trash/restore", user.token(), "id", file);
        assertThat(restored.data().path("parentId").asLong()).isEqualTo(keep);
        assertThat(restored.data().path("name").asText()).isEqualTo("f (1).txt");
        // the orphan's folder is in the trash: it comes back to the root
        assertThat(drive.post("/file/v1/trash/restore", user.token(), "id", orphan).data().path("parentId").asLong()).isZero();
        // the folder comes back with what was deleted along with it
        assertThat(drive.post("/file/v1/trash/restore", user.token(), "id", gone).code()).isEqualTo(200);
        assertThat(drive.get("/file/v1/file/detail", user.token(), "id", inner).data().path("parentId").asLong()).isEqualTo(gone);
        assertThat(drive.get("/file/v1/trash/list", user.token()).data().path("list").size()).isZero();
        assertThat(drive.post("/file/v1/trash/restore", user.token(), "id", gone).code()).isEqualTo(300001);
    }

    @Test
    void deleteForeverRefundsTheQuotaAndRemovesBytesOnlyWhenNothingRefersToThem() {
        User alice = drive.newUser();
        User bob = drive.newUser();
        byte[] shared = DriveClient.randomBytes(2000);
        byte[] own = DriveClient.randomBytes(1000);
        long aliceShared = drive.upload(alice, 0, "shared.bin", shared);
        long aliceOwn = drive.upload(alice, 0, "own.bin", own);
        Reply instant = drive.post("/file/v1/upload/instant", bob.token(), "parentId", 0, "name", "mine.bin", "size", shared.length,
                "sha256", DriveClient.sha256(shared));
        assertThat(instant.data().path("hit").asBoolean()).isTrue();
        int objects = DriveBucketObjects.count(MOCKS3);

        drive.post("/file/v1/file/delete", alice.token(), "id", aliceShared);
        drive.post("/file/v1/file/delete", alice.token(), "id", aliceOwn);
        assertThat(drive.post("/file/v1/trash/delete", alice.token(), "id", aliceShared).data().path("used").asLong()).isEqualTo(1000);
        assertThat(DriveBucketObjects.count(MOCKS3)).as("bob still refers to the shared content").isEqualTo(objects);
        assertThat(drive.post("/file/v1/trash/delete", alice.token(), "id", aliceOwn).data().path("used").asLong()).isZero();
        assertThat(DriveBucketObjects.count(MOCKS3)).isEqualTo(objects - 1);
        assertThat(drive.post("/file/v1/trash/delete", alice.token(), "id", aliceOwn).code()).isEqualTo(300001);
        // a live file is not deleted for good: it must go to the trash first
        long bobFile = instant.data().path("file").path("id").asLong();
        assertThat(drive.post("/file/v1/trash/delete", bob.token(), "id", bobFile).code()).isEqualTo(300001);
        assertThat(drive.download("/file/v1/file/stream?id=" + bobFile, bob.token()).body()).isEqualTo(shared);
    }

    static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(e -> names.add(e.path("name").asText()));
        return names;
    }
}
