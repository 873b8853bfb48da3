package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.local.LocalRunner;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.SideRunner;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

/** Shares: create, list, cancel, open with the code, browse, download, save, and what they never let out. */
class DriveSharesTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private final DriveClient drive = new DriveClient(MOCKS3);

    @Test
    void aShareIsCreatedListedWithItsCodeAndCountsAndCancelled() {
        User owner = drive.newUser();
        long docs = drive.folder(owner, 0, "docs");
        long file = drive.upload(owner, 0, "notes.txt", "hello".getBytes());
        Reply created = drive.post("/share/v1/share/create", owner.token(), "ids", List.of(docs, file), "code", "AbC9",
                "expireDays", 30, "downloadLimit", 5);
        assertThat(created.code()).as("%s", created).isEqualTo(200);
        assertThat(created.data().path("code").asText()).isEqualTo("abc9");
        assertThat(created.data().path("shareKey").asText()).hasSize(16);
        assertThat(created.data().path("downloadLimit").asLong()).isEqualTo(5);
        assertThat(created.data().path("expiresAt").asText()).isNotEmpty();
        assertThat(names(created.data().path("items"))).containsExactly("docs", "notes.txt");

        Reply generated = drive.post("/share/v1/share/create", owner.token(), "ids", List.of(file), "expireDays", 0);
        assertThat(generated.data().path("code").asText()).matches("[a-z2-9]{4}");
        assertThat(generated.data().path("expiresAt").isMissingNode() || generated.data().path("expiresAt").isNull()).isTrue();

        Reply list = drive.get("/share/v1/share/list", owner.token());
        assertThat(list.data().path("list").size()).isEqualTo(2);
        JsonNode newest = list.data().path("list").get(0);
        assertThat(newest.path("id").asLong()).isEqualTo(generated.data().path("id").asLong());
        JsonNode first = list.data().path("list").get(1);
        assertThat(first.path("code").asText()).isEqualTo("abc9");
        assertThat(first.path("views").asLong()).isZero();
        assertThat(first.path("downloads").asLong()).isZero();
        assertThat(first.path("saves").asLong()).isZero();
        assertThat(first.path("expired").asBoolean()).isFalse();
        Reply paged = drive.get("/share/v1/share/list", owner.token(), "limit", 1);
        assertThat(paged.data().path("list").size()).isEqualTo(1);
        Reply second = drive.get("/share/v1/share/list", owner.token(), "limit", 1, "cursor", paged.data().path("nextCursor").asText());
        assertThat(second.data().path("list").get(0).path("id").asLong()).isEqualTo(first.path("id").asLong());

        long id = first.path("id").asLong();
        String key = first.path("shareKey").asText();
        String token = open(key, "abc9");
        // used once, so that the drive has checked (and may remember) the token before the share goes
        assertThat(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", docs).code()).isEqualTo(200);
        Reply cancelled = drive.post("/share/v1/share/cancel", owner.token(), "id", id);
        assertThat(cancelled.code()).isEqualTo(200);
        assertThat(drive.get("/share/v1/share/list", owner.token()).data().path("list").size()).isEqualTo(1);
        Reply again = drive.post("/share/v1/share/cancel", owner.token(), "id", id);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.code()).isEqualTo(400001);
        // a cancelled share answers exactly as a share that never was, and its token opens nothing
        Reply gone = drive.post("/share/v1/share/validate", null, "shareKey", key, "code", "abc9");
        Reply never = drive.post("/share/v1/share/validate", null, "shareKey", "AAAAAAAAAAAAAAAA", "code", "abc9");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo(never.body());
        assertThat(drive.get("/share/v1/share/files", null, "shareToken", token).code()).isEqualTo(400001);
        assertThat(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", docs).code()).isEqualTo(400001);
        assertThat(drive.get("/share/v1/share/download", null, "shareToken", token, "id", file).code()).isEqualTo(400001);
        User saver = drive.newUser();
        assertThat(drive.post("/share/v1/share/save", saver.token(), "shareToken", token).code()).isEqualTo(400001);
    }

    @Test
    void badShareInputIsRefusedInTheEnvelope() {
        User owner = drive.newUser();
        long file = drive.upload(owner, 0, "a.txt", "a".getBytes());
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(file), "expireDays", 3), 400, 100002);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(file), "code", "abc"), 400, 400005);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(file), "code", "ab!c"), 400, 400005);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(file), "code", "锁锁锁锁"), 400, 400005);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of()), 400, 100002);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(0)), 400, 100002);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", "x"), 400, 100002);
        assertRefused(drive.post("/share/v1/share/create", owner.token()), 400, 100002);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(file), "downloadLimit", -1), 400, 100002);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(987654321)), 404, 300001);
        assertRefused(drive.post("/share/v1/share/create", null, "ids", List.of(file)), 401, 100003);
        assertRefused(drive.send("POST", "/share/v1/share/create", owner.token(), "{not json"), 400, 100002);
        assertRefused(drive.post("/share/v1/share/validate", null, "code", "abcd"), 400, 100002);
        assertRefused(drive.post("/share/v1/share/validate", null, "shareKey", "short", "code", "abcd"), 400, 100002);
        assertRefused(drive.post("/share/v1/share/validate", null, "shareKey", "AAAAAAAAAAAAAAAA"), 400, 100002);
        assertRefused(drive.get("/share/v1/share/files", null), 401, 400004);
        assertRefused(drive.get("/share/v1/share/files", null, "shareToken", "garbage"), 401, 400004);
        assertRefused(drive.get("/share/v1/share/list", owner.token(), "limit", 0), 400, 100002);
        assertRefused(drive.post("/share/v1/share/cancel", owner.token(), "id", "x"), 400, 100002);
        assertRefused(drive.send("GET", "/share/v1/share/validate", null, null), 405, 100006);
    }

    @Test
    void theRightCodeOpensTheShareAndAWrongOneDoesNot() {
        User owner = drive.newUser();
        long file = drive.upload(owner, 0, "a.txt", "a".getBytes());
        JsonNode share = create(owner, List.of(file), "k7m2");
        String key = share.path("shareKey").asText();
        Reply wrong = drive.post("/share/v1/share/validate", null, "shareKey", key, "code", "k7m3");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.code()).isEqualTo(400002);
        assertThat(wrong.data().isMissingNode()).isTrue();
        Reply right = drive.post("/share/v1/share/validate", null, "shareKey", key, "code", "K7M2");
        assertThat(right.code()).isEqualTo(200);
        assertThat(right.data().path("shareToken").asText()).isNotEmpty();
        assertThat(right.data().path("ownerName").asText()).isEqualTo("tester");
        assertThat(right.data().path("tokenExpire").asLong()).isGreaterThan(System.currentTimeMillis() / 1000);
        Reply files = drive.get("/share/v1/share/files", null, "shareToken", right.data().path("shareToken").asText());
        assertThat(names(files.data().path("list"))).containsExactly("a.txt");
        open(key, "k7m2");
        // the owner sees two views: right codes only
        assertThat(ownShare(owner, share).path("views").asLong()).isEqualTo(2);
    }

    @Test
    void wrongCodesAreLimitedPerShare() throws Exception {
        User owner = drive.newUser();
        long file = drive.upload(owner, 0, "a.txt", "a".getBytes());
        String key = create(owner, List.of(file), "abcd").path("shareKey").asText();
        String other = create(owner, List.of(file), "abcd").path("shareKey").asText();
        for (int i = 0; i < 10; i++) {
            assertThat(drive.post("/share/v1/share/validate", null, "shareKey", key, "code", "zz" + (10 + i)).code()).isEqualTo(400002);
        }
        // even the right code waits now: a guess cannot tell a locked share's code
        Reply limited = drive.post("/share/v1/share/validate", null, "shareKey", key, "code", "abcd");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo(100004);
        // right codes are not counted: many visitors may open a share at once
        ExecutorService visitors = Executors.newFixedThreadPool(30);
        try {
            List<Future<Reply>> opened = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                opened.add(visitors.submit(() -> drive.post("/share/v1/share/validate", null, "shareKey", other, "code", "abcd")));
            }
            for (Future<Reply> visit : opened) {
                assertThat(visit.get().code()).isEqualTo(200);
            }
        } finally {
            visitors.shutdownNow();
        }
    }

    @Test
    void wrongCodesAreLimitedPerClientAddressAcrossShares() {
        User owner = drive.newUser();
        long file = drive.upload(owner, 0, "a.txt", "a".getBytes());
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            keys.add(create(owner, List.of(file), "abcd").path("shareKey").asText());
        }
        try (SideRunner side = SideRunner.start(Map.of("mocks3.drive.share.wrong-codes-per-address", "3"))) {
            DriveClient sideDrive = new DriveClient(side.runner(), MOCKS3.http());
            assertThat(sideDrive.post("/share/v1/share/validate", null, "shareKey", keys.get(0), "code", "wxyz").code()).isEqualTo(400002);
            assertThat(sideDrive.post("/share/v1/share/validate", null, "shareKey", keys.get(1), "code", "wxyz").code()).isEqualTo(400002);
            assertThat(sideDrive.post("/share/v1/share/validate", null, "shareKey", "BBBBBBBBBBBBBBBB", "code", "wxyz").code())
                    .isEqualTo(400001);
            Reply limited = sideDrive.post("/share/v1/share/validate", null, "shareKey", keys.get(3), "code", "abcd");
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.code()).isEqualTo(100004);
        }
        // the shared instance counts with its own limit: the same address is not held back there
        assertThat(drive.post("/share/v1/share/validate", null, "shareKey", keys.get(3), "code", "abcd").code()).isEqualTo(200);
    }

    @Test
    void aShareExpiresOnItsDayAndAnswersLikeAMissingOne() {
        User owner = drive.newUser();
        long file = drive.upload(owner, 0, "a.txt", "a".getBytes());
        JsonNode oneDay = create(owner, List.of(file), "abcd", "expireDays", 1);
        JsonNode week = create(owner, List.of(file), "abcd", "expireDays", 7);
        JsonNode never = create(owner, List.of(file), "abcd", "expireDays", 0);
        String oneDayToken = open(oneDay.path("shareKey").asText(), "abcd");
        Map<String, Object> settings = MOCKS3.anotherInstanceSettings();
        settings.put("mocks3.drive.share.clock-offset", "2d");
        try (LocalRunner twoDaysLater = LocalRunner.start(settings)) {
            DriveClient later = new DriveClient(twoDaysLater, MOCKS3.http());
            Reply expired = later.post("/share/v1/share/validate", null, "shareKey", oneDay.path("shareKey").asText(), "code", "abcd");
            Reply missing = later.post("/share/v1/share/validate", null, "shareKey", "CCCCCCCCCCCCCCCC", "code", "abcd");
            assertThat(expired.status()).isEqualTo(404);
            assertThat(expired.body()).isEqualTo(missing.body());
            assertThat(later.post("/share/v1/share/validate", null, "shareKey", week.path("shareKey").asText(), "code", "abcd").code())
                    .isEqualTo(200);
            assertThat(later.post("/share/v1/share/validate", null, "shareKey", never.path("shareKey").asText(), "code", "abcd").code())
                    .isEqualTo(200);
            // a token handed out before the expiry opens nothing after it
            assertThat(later.get("/share/v1/share/files", null, "shareToken", oneDayToken).code()).isIn(400001, 400004);
            JsonNode listed = null;
            for (JsonNode s : later.get("/share/v1/share/list", owner.token()).data().path("list")) {
                if (s.path("id").asLong() == oneDay.path("id").asLong()) {
                    listed = s;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.path("expired").asBoolean()).isTrue();
        }
        assertThat(drive.post("/share/v1/share/validate", null, "shareKey", oneDay.path("shareKey").asText(), "code", "abcd").code())
                .isEqualTo(200);
    }

    @Test
    void aDownloadLimitStopsDownloadsOnceReached() throws Exception {
        User owner = drive.newUser();
        byte[] bytes = DriveClient.randomBytes(5_000);
        long file = drive.upload(owner, 0, "报告.pdf", bytes);
        JsonNode share = create(owner, List.of(file), "abcd", "downloadLimit", 2);
        String token = open(share.path("shareKey").asText(), "abcd");
        for (int i = 0; i < 2; i++) {
            Reply link = drive.get("/share/v1/share/download", null, "shareToken", token, "id", file);
            assertThat(link.code()).as("%s", link).isEqualTo(200);
            HttpResponse<byte[]> got = MOCKS3.http().sendAsync(HttpRequest.newBuilder(URI.create(link.data().path("url").asText())).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).get();
            assertThat(got.body()).isEqualTo(bytes);
            assertThat(got.headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''%E6%8A%A5%E5%91%8A.pdf");
        }
        Reply limited = drive.get("/share/v1/share/download", null, "shareToken", token, "id", file);
        assertThat(limited.status()).isEqualTo(403);
        assertThat(limited.code()).isEqualTo(400003);
        assertThat(ownShare(owner, share).path("downloads").asLong()).isEqualTo(2);
    }

    @Test
    void aVisitorBrowsesFoldersInsideASharedFolder() {
        User owner = drive.newUser();
        long docs = drive.folder(owner, 0, "docs");
        long sub = drive.folder(owner, docs, "sub");
        drive.upload(owner, docs, "b.txt", "b".getBytes());
        drive.upload(owner, docs, "a.txt", "a".getBytes());
        long deep = drive.upload(owner, sub, "deep.txt", "deep".getBytes());
        String token = open(create(owner, List.of(docs), "abcd").path("shareKey").asText(), "abcd");

        Reply top = drive.get("/share/v1/share/files", null, "shareToken", token);
        assertThat(names(top.data().path("list"))).containsExactly("docs");
        assertThat(top.data().path("list").get(0).path("parentId").asLong()).isZero();
        assertThat(top.data().path("list").get(0).path("type").asText()).isEqualTo("folder");
        Reply inDocs = drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", docs);
        assertThat(names(inDocs.data().path("list"))).containsExactly("sub", "a.txt", "b.txt");
        assertThat(inDocs.data().path("list").get(1).has("sha256")).isFalse();
        Reply page = drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", docs, "limit", 2);
        assertThat(names(page.data().path("list"))).containsExactly("sub", "a.txt");
        Reply rest = drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", docs, "limit", 2,
                "cursor", page.data().path("nextCursor").asText());
        assertThat(names(rest.data().path("list"))).containsExactly("b.txt");
        Reply inSub = drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", sub);
        assertThat(names(inSub.data().path("list"))).containsExactly("deep.txt");
        Reply link = drive.get("/share/v1/share/download", null, "shareToken", token, "id", deep);
        assertThat(link.data().path("name").asText()).isEqualTo("deep.txt");
        assertThat(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", deep).code()).isEqualTo(300006);
        assertThat(drive.get("/share/v1/share/download", null, "shareToken", token, "id", sub).code()).isEqualTo(300007);
    }

    @Test
    void aVisitorReachesNothingTheShareDoesNotHold() {
        User owner = drive.newUser();
        User stranger = drive.newUser();
        long privateFolder = drive.folder(owner, 0, "private");
        long docs = drive.folder(owner, privateFolder, "docs");
        long shared = drive.upload(owner, docs, "shared.txt", "s".getBytes());
        long secret = drive.upload(owner, privateFolder, "secret.txt", "x".getBytes());
        long otherFolder = drive.folder(owner, 0, "other");
        long strangerFile = drive.upload(stranger, 0, "theirs.txt", "t".getBytes());
        long strangerFolder = drive.folder(stranger, 0, "theirs");
        JsonNode share = create(owner, List.of(docs), "abcd");
        String token = open(share.path("shareKey").asText(), "abcd");
        String otherToken = open(create(owner, List.of(secret), "abcd").path("shareKey").asText(), "abcd");

        // files: the shared folder's parent, a folder beside it, another user's folder, the root's real id
        for (long folder : new long[] {privateFolder, otherFolder, strangerFolder}) {
            assertRefused(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", folder), 404, 300001);
        }
        assertRefused(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", -1), 400, 100002);
        // download: a file beside the shared folder, another user's file, a file of another share of the same owner
        for (long file : new long[] {secret, strangerFile}) {
            assertRefused(drive.get("/share/v1/share/download", null, "shareToken", token, "id", file), 404, 300001);
        }
        assertRefused(drive.get("/share/v1/share/download", null, "shareToken", otherToken, "id", shared), 404, 300001);
        // save: an id the share does not reach changes nothing
        User saver = drive.newUser();
        assertRefused(drive.post("/share/v1/share/save", saver.token(), "shareToken", token, "ids", List.of(secret)), 404, 300001);
        assertRefused(drive.post("/share/v1/share/save", saver.token(), "shareToken", token, "ids", List.of(shared, strangerFile)),
                404, 300001);
        assertThat(drive.get("/file/v1/file/list", saver.token()).data().path("list").size()).isZero();
        assertThat(drive.get("/usercenter/v1/user/quota", saver.token()).data().path("used").asLong()).isZero();
        assertRefused(drive.post("/share/v1/share/save", null, "shareToken", token), 401, 100003);

        // tokens are not interchangeable, and a forged one opens nothing
        assertRefused(drive.get("/file/v1/file/list", token), 401, 100003);
        assertRefused(drive.get("/share/v1/share/files", null, "shareToken", owner.token()), 401, 400004);
        String[] parts = token.split("\\.");
        String unsigned = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        assertRefused(drive.get("/share/v1/share/files", null, "shareToken", unsigned), 401, 400004);

        // create: another user's file; cancel: another user's share; list: only one's own shares
        assertRefused(drive.post("/share/v1/share/create", stranger.token(), "ids", List.of(shared)), 404, 300001);
        assertRefused(drive.post("/share/v1/share/create", owner.token(), "ids", List.of(shared, strangerFile)), 404, 300001);
        assertRefused(drive.post("/share/v1/share/cancel", stranger.token(), "id", share.path("id").asLong()), 404, 400001);
        assertThat(drive.get("/share/v1/share/list", stranger.token()).data().path("list").size()).isZero();
        assertThat(drive.get("/share/v1/share/files", null, "shareToken", token).code()).isEqualTo(200);

        // a folder inside the share that its owner deleted is gone for the visitor too
        drive.post("/file/v1/file/delete", owner.token(), "id", docs);
        assertRefused(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", docs), 404, 300001);
        assertRefused(drive.get("/share/v1/share/download", null, "shareToken", token, "id", shared), 404, 300001);
    }

    @Test
    void savingAShareCopiesNoBytesChargesTheQuotaAndNumbersTakenNames() {
        User owner = drive.newUser();
        long photos = drive.folder(owner, 0, "photos");
        long trip = drive.folder(owner, photos, "trip");
        byte[] one = DriveClient.randomBytes(3_000);
        byte[] two = DriveClient.randomBytes(4_000);
        drive.upload(owner, photos, "one.jpg", one);
        long twoId = drive.upload(owner, trip, "two.jpg", two);
        long note = drive.upload(owner, 0, "x.txt", "note".getBytes());
        JsonNode share = create(owner, List.of(photos, note), "abcd");
        String token = open(share.path("shareKey").asText(), "abcd");

        User saver = drive.newUser();
        drive.folder(saver, 0, "photos");
        drive.upload(saver, 0, "x.txt", "mine".getBytes());
        long usedBefore = drive.get("/usercenter/v1/user/quota", saver.token()).data().path("used").asLong();
        int objectsBefore = DriveBucketObjects.count(MOCKS3);
        Reply saved = drive.post("/share/v1/share/save", saver.token(), "shareToken", token);
        assertThat(saved.code()).as("%s", saved).isEqualTo(200);
        assertThat(names(saved.data().path("list"))).containsExactly("photos (1)", "x (1).txt");
        assertThat(DriveBucketObjects.count(MOCKS3)).isEqualTo(objectsBefore);
        assertThat(drive.get("/usercenter/v1/user/quota", saver.token()).data().path("used").asLong())
                .isEqualTo(usedBefore + one.length + two.length + 4);
        long savedPhotos = saved.data().path("list").get(0).path("id").asLong();
        Reply inPhotos = drive.get("/file/v1/file/list", saver.token(), "parentId", savedPhotos);
        assertThat(names(inPhotos.data().path("list"))).containsExactly("trip", "one.jpg");
        long savedTrip = inPhotos.data().path("list").get(0).path("id").asLong();
        JsonNode savedTwo = drive.get("/file/v1/file/list", saver.token(), "parentId", savedTrip).data().path("list").get(0);
        assertThat(drive.download("/file/v1/file/stream?id=" + savedTwo.path("id").asLong(), saver.token()).body()).isEqualTo(two);

        // one item from inside a shared folder, into a folder of the saver's; again: a numbered name
        long inbox = drive.folder(saver, 0, "inbox");
        for (String expected : new String[] {"two.jpg", "two (1).jpg"}) {
            Reply single = drive.post("/share/v1/share/save", saver.token(), "shareToken", token, "ids", List.of(twoId), "parentId", inbox);
            assertThat(names(single.data().path("list"))).containsExactly(expected);
        }
        assertThat(ownShare(owner, share).path("saves").asLong()).isEqualTo(3);
        assertRefused(drive.post("/share/v1/share/save", saver.token(), "shareToken", token, "parentId", savedTwo.path("id").asLong()),
                400, 300006);
    }

    @Test
    void aSaveThatDoesNotFitTheQuotaIsRefusedAndChangesNothing() {
        // the fixture's quota is 64 MB: the owner shares 7 × 8 MB, the saver already holds 16 MB
        User owner = drive.newUser();
        byte[] content = DriveClient.randomBytes(8 * 1024 * 1024);
        String sha = DriveClient.sha256(content);
        long big = drive.folder(owner, 0, "big");
        long first = drive.upload(owner, big, "part0.bin", content);
        for (int i = 1; i < 7; i++) {
            assertThat(drive.post("/file/v1/upload/instant", owner.token(), "parentId", big, "name", "part" + i + ".bin",
                    "size", content.length, "sha256", sha).data().path("hit").asBoolean()).isTrue();
        }
        JsonNode share = create(owner, List.of(big), "abcd");
        String token = open(share.path("shareKey").asText(), "abcd");
        User saver = drive.newUser();
        for (int i = 0; i < 2; i++) {
            drive.post("/file/v1/upload/instant", saver.token(), "parentId", 0, "name", "mine" + i + ".bin", "size", content.length,
                    "sha256", sha);
        }
        JsonNode quotaBefore = drive.get("/usercenter/v1/user/quota", saver.token()).data();
        JsonNode listBefore = drive.get("/file/v1/file/list", saver.token()).data();
        assertThat(quotaBefore.path("used").asLong()).isEqualTo(16L * 1024 * 1024);

        Reply refused = drive.post("/share/v1/share/save", saver.token(), "shareToken", token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo(300005);
        assertThat(drive.get("/usercenter/v1/user/quota", saver.token()).data()).isEqualTo(quotaBefore);
        assertThat(drive.get("/file/v1/file/list", saver.token()).data()).isEqualTo(listBefore);
        assertThat(ownShare(owner, share).path("saves").asLong()).isZero();
        // what fits is saved: one file of the folder
        assertThat(drive.post("/share/v1/share/save", saver.token(), "shareToken", token, "ids", List.of(first)).code()).isEqualTo(200);
        assertThat(drive.get("/usercenter/v1/user/quota", saver.token()).data().path("used").asLong()).isEqualTo(24L * 1024 * 1024);
    }

    @Test
    void aFileItsOwnerDeletesLeavesTheSharesThatHoldIt() {
        User owner = drive.newUser();
        long folder = drive.folder(owner, 0, "folder");
        long inner = drive.upload(owner, folder, "inner.txt", "i".getBytes());
        drive.upload(owner, folder, "kept.txt", "k".getBytes());
        long loose = drive.upload(owner, 0, "loose.txt", "l".getBytes());
        JsonNode share = create(owner, List.of(folder, loose), "abcd");
        String token = open(share.path("shareKey").asText(), "abcd");
        User saver = drive.newUser();

        drive.post("/file/v1/file/delete", owner.token(), "id", inner);
        drive.post("/file/v1/file/delete", owner.token(), "id", loose);
        assertThat(names(drive.get("/share/v1/share/files", null, "shareToken", token).data().path("list"))).containsExactly("folder");
        assertThat(names(drive.get("/share/v1/share/files", null, "shareToken", token, "parentId", folder).data().path("list")))
                .containsExactly("kept.txt");
        assertRefused(drive.get("/share/v1/share/download", null, "shareToken", token, "id", inner), 404, 300001);
        assertRefused(drive.get("/share/v1/share/download", null, "shareToken", token, "id", loose), 404, 300001);
        assertRefused(drive.post("/share/v1/share/save", saver.token(), "shareToken", token, "ids", List.of(loose)), 404, 300001);
        assertThat(names(ownShare(owner, share).path("items"))).containsExactly("folder");

        // restored, it is shared again; deleted for good, it is gone for good
        drive.post("/file/v1/trash/restore", owner.token(), "id", loose);
        assertThat(names(drive.get("/share/v1/share/files", null, "shareToken", token).data().path("list")))
                .containsExactly("folder", "loose.txt");
        drive.post("/file/v1/file/delete", owner.token(), "id", loose);
        assertThat(drive.post("/file/v1/trash/delete", owner.token(), "id", loose).code()).isEqualTo(200);
        assertThat(names(drive.get("/share/v1/share/files", null, "shareToken", token).data().path("list"))).containsExactly("folder");
        Reply saved = drive.post("/share/v1/share/save", saver.token(), "shareToken", token);
        assertThat(names(saved.data().path("list"))).containsExactly("folder");
        assertThat(names(drive.get("/file/v1/file/list", saver.token(), "parentId", saved.data().path("list").get(0).path("id").asLong())
                .data().path("list"))).containsExactly("kept.txt");
    }

    private JsonNode create(User owner, List<Long> ids, String code, Object... more) {
        List<Object> fields = new ArrayList<>(List.of("ids", ids, "code", code));
        fields.addAll(List.of(more));
        Reply r = drive.post("/share/v1/share/create", owner.token(), fields.toArray());
        assertThat(r.code()).as("%s", r).isEqualTo(200);
        return r.data();
    }

    /** The share token a right code answers. */
    private String open(String key, String code) {
        Reply r = drive.post("/share/v1/share/validate", null, "shareKey", key, "code", code);
        assertThat(r.code()).as("%s", r).isEqualTo(200);
        return r.data().path("shareToken").asText();
    }

    /** The share as its owner's list shows it. */
    private JsonNode ownShare(User owner, JsonNode share) {
        for (JsonNode s : drive.get("/share/v1/share/list", owner.token(), "limit", 100).data().path("list")) {
            if (s.path("id").asLong() == share.path("id").asLong()) {
                return s;
            }
        }
        throw new AssertionError("share " + share.path("id") + " not in its owner's list");
    }

    private static void assertRefused(Reply reply, int status, int code) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(status);
        assertThat(reply.code()).as("%s", reply).isEqualTo(code);
        assertThat(reply.body().path("msg").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.path("name").asText()));
        return names;
    }
}
