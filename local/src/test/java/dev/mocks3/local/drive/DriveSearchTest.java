package dev.mocks3.local.drive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mocks3.events.EventTypes;
import dev.mocks3.local.MockS3Fixture;
import dev.mocks3.local.drive.DriveClient.Reply;
import dev.mocks3.local.drive.DriveClient.User;

/**
 * Search over the drive's index, over real HTTP: the index follows uploads, renames, moves,
 * deletions, restores and copies through CloudEvents; words, prefixes and substrings in English
 * and Chinese names; filters, sorts, pages, stats; never another user's file.
 */
class DriveSearchTest {
    private static final MockS3Fixture MOCKS3 = MockS3Fixture.shared();
    private static final Duration CATCH_UP = Duration.ofSeconds(1);
    private final DriveClient drive = new DriveClient(MOCKS3);
    private final DriveJobs jobs = new DriveJobs(MOCKS3.http(), MOCKS3.endpoint());

    /** A drive with one file of each kind, indexed. */
    private User library() throws InterruptedException {
        User user = drive.newUser();
        long reports = drive.folder(user, 0, "Reports");
        drive.upload(user, reports, "Quarterly Report 2024.pdf", DriveClient.randomBytes(300));
        drive.upload(user, 0, "季度报告.docx", DriveClient.randomBytes(200));
        drive.upload(user, 0, "holiday-photo.JPG", DriveClient.randomBytes(1000));
        drive.upload(user, 0, "movie.mkv", DriveClient.randomBytes(5000));
        drive.upload(user, 0, "song.mp3", DriveClient.randomBytes(400));
        drive.upload(user, 0, "backup.tar.gz", DriveClient.randomBytes(700));
        drive.upload(user, 0, "notes", DriveClient.randomBytes(10));
        awaitNames(user, "notes", List.of("notes"));
        return user;
    }

    @Test
    void wordsPrefixesAndSubstringsFindEnglishNamesCaseInsensitively() throws Exception {
        User user = library();
        assertThat(names(search(user, "keyword", "report"))).as("whole word first, then the word's beginning")
                .containsExactly("Quarterly Report 2024.pdf", "Reports");
        assertThat(names(search(user, "keyword", "REPORT", "match", "word"))).containsExactly("Quarterly Report 2024.pdf");
        assertThat(names(search(user, "keyword", "Repo", "match", "prefix")))
                .containsExactlyInAnyOrder("Quarterly Report 2024.pdf", "Reports");
        assertThat(names(search(user, "keyword", "arterl"))).as("inside a word").containsExactly("Quarterly Report 2024.pdf");
        assertThat(names(search(user, "keyword", "arterl", "match", "word"))).isEmpty();
        assertThat(names(search(user, "keyword", "ot"))).as("two letters, no trigram")
                .containsExactlyInAnyOrder("holiday-photo.JPG", "notes");
        assertThat(names(search(user, "keyword", "report 2024"))).as("every term must match")
                .containsExactly("Quarterly Report 2024.pdf");
        assertThat(names(search(user, "keyword", "tar.gz"))).containsExactly("backup.tar.gz");
        assertThat(names(search(user, "keyword", "%"))).as("LIKE wildcards are plain characters").isEmpty();
        assertThat(names(search(user, "keyword", "zzzz"))).isEmpty();
    }

    @Test
    void chineseNamesAreFoundByAnyTwoCharactersInside() throws Exception {
        User user = library();
        drive.upload(user, 0, "年度总结报告.pptx", DriveClient.randomBytes(50));
        awaitNames(user, "总结", List.of("年度总结报告.pptx"));
        assertThat(names(search(user, "keyword", "报告"))).containsExactlyInAnyOrder("季度报告.docx", "年度总结报告.pptx");
        assertThat(names(search(user, "keyword", "度报"))).containsExactly("季度报告.docx");
        assertThat(names(search(user, "keyword", "季度"))).containsExactly("季度报告.docx");
        assertThat(names(search(user, "keyword", "年度", "match", "prefix"))).containsExactly("年度总结报告.pptx");
        assertThat(names(search(user, "keyword", "总"))).containsExactly("年度总结报告.pptx");
        assertThat(names(search(user, "keyword", "报表"))).isEmpty();
    }

    @Test
    void filtersSortsAndPages() throws Exception {
        User user = library();
        assertThat(names(search(user, "keyword", "o", "type", "image"))).containsExactly("holiday-photo.JPG");
        assertThat(names(search(user, "keyword", "o", "type", "video,audio"))).containsExactlyInAnyOrder("movie.mkv", "song.mp3");
        assertThat(names(search(user, "keyword", "a", "type", "archive"))).containsExactly("backup.tar.gz");
        assertThat(names(search(user, "keyword", "e", "type", "document"))).containsExactly("Quarterly Report 2024.pdf");
        assertThat(names(search(user, "keyword", "o", "type", "other"))).containsExactly("notes");
        assertThat(names(search(user, "keyword", "e", "type", "folder"))).containsExactly("Reports");
        assertThat(names(search(user, "keyword", "o", "minSize", 400, "maxSize", 1000)))
                .containsExactlyInAnyOrder("holiday-photo.JPG", "song.mp3");
        long future = System.currentTimeMillis() / 1000 + 3600;
        assertThat(names(search(user, "keyword", "o", "from", future))).isEmpty();
        assertThat(names(search(user, "keyword", "o", "to", future))).hasSize(7);

        List<String> newestFirst = names(search(user, "keyword", "o", "sort", "time"));
        assertThat(newestFirst).containsExactly("notes", "song.mp3", "movie.mkv", "holiday-photo.JPG", "季度报告.docx",
                "Quarterly Report 2024.pdf", "Reports");
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        assertThat(names(search(user, "keyword", "o", "sort", "time", "order", "asc"))).containsExactlyElementsOf(oldestFirst);
        List<String> paged = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode data = search(user, "keyword", "o", "sort", "time", "page", page, "pageSize", 2);
            paged.addAll(names(data));
            assertThat(data.path("list").size()).isLessThanOrEqualTo(2);
            if (!data.path("hasMore").asBoolean()) {
                break;
            }
        }
        assertThat(paged).containsExactlyElementsOf(newestFirst);

        for (Object[] bad : new Object[][] {{}, {"keyword", ""}, {"keyword", "x", "type", "spreadsheet"},
                {"keyword", "x", "sort", "size"}, {"keyword", "x", "pageSize", 101}, {"keyword", "x", "minSize", "many"},
                {"keyword", "x".repeat(101)}, {"keyword", "..", "match", "word"}}) {
            Reply r = drive.get("/search/v1/search/files", user.token(), bad);
            assertThat(r.status()).as("%s", List.of(bad)).isEqualTo(400);
            assertThat(r.code()).isEqualTo(100002);
        }
        assertThat(drive.get("/search/v1/search/files", null, "keyword", "x").code()).isEqualTo(100003);
    }

    @Test
    void statsCountFilesAndBytesPerType() throws Exception {
        User user = library();
        JsonNode stats = drive.get("/search/v1/search/stats", user.token()).data();
        assertThat(stats.path("files").asLong()).isEqualTo(7);
        assertThat(stats.path("bytes").asLong()).isEqualTo(300 + 200 + 1000 + 5000 + 400 + 700 + 10);
        assertThat(stats.path("folders").asLong()).isEqualTo(1);
        assertThat(typeCount(stats, "document")).containsExactly(2L, 500L);
        assertThat(typeCount(stats, "image")).containsExactly(1L, 1000L);
        assertThat(typeCount(stats, "video")).containsExactly(1L, 5000L);
        assertThat(typeCount(stats, "audio")).containsExactly(1L, 400L);
        assertThat(typeCount(stats, "archive")).containsExactly(1L, 700L);
        assertThat(typeCount(stats, "other")).containsExactly(1L, 10L);
        assertThat(drive.get("/search/v1/search/stats", null).code()).isEqualTo(100003);
    }

    @Test
    void searchAndStatsNeverShowAnotherUsersFiles() throws Exception {
        User owner = library();
        User other = drive.newUser();
        drive.upload(other, 0, "Quarterly Report secret.pdf", DriveClient.randomBytes(64));
        awaitNames(other, "secret", List.of("Quarterly Report secret.pdf"));

        assertThat(names(search(owner, "keyword", "quarterly"))).containsExactly("Quarterly Report 2024.pdf");
        assertThat(names(search(owner, "keyword", "secret"))).isEmpty();
        assertThat(names(search(other, "keyword", "quarterly"))).containsExactly("Quarterly Report secret.pdf");
        for (String kind : new String[] {"document", "image", "video", "audio", "archive", "other"}) {
            assertThat(names(search(other, "keyword", "o", "type", kind))).as(kind).allMatch(n -> n.contains("secret"));
        }
        JsonNode stats = drive.get("/search/v1/search/stats", other.token()).data();
        assertThat(stats.path("files").asLong()).isEqualTo(1);
        assertThat(stats.path("bytes").asLong()).isEqualTo(64);
        assertThat(stats.path("folders").asLong()).isZero();
    }

    @Test
    void theIndexFollowsRenameMoveDeleteRestoreAndCopyWithinASecond() throws Exception {
        User user = drive.newUser();
        long folder = drive.folder(user, 0, "Projects");
        long file = drive.upload(user, folder, "draft.txt", DriveClient.randomBytes(20));
        awaitNames(user, "draft", List.of("draft.txt"));

        assertThat(drive.post("/file/v1/file/rename", user.token(), "id", file, "name", "Budget Plan.xlsx").code()).isEqualTo(200);
        awaitNames(user, "budget", List.of("Budget Plan.xlsx"));
        assertThat(names(search(user, "keyword", "draft"))).isEmpty();

        long archive = drive.folder(user, 0, "Archive");
        assertThat(drive.post("/file/v1/file/move", user.token(), "id", file, "parentId", archive).code()).isEqualTo(200);
        awaitParent(user, "budget", archive);

        assertThat(drive.post("/file/v1/file/delete", user.token(), "id", archive).code()).isEqualTo(200);
        awaitNames(user, "budget", List.of());
        assertThat(names(search(user, "keyword", "archive"))).as("the folder went too").isEmpty();

        long archiveInTrash = archive;
        assertThat(drive.post("/file/v1/trash/restore", user.token(), "id", archiveInTrash).code()).isEqualTo(200);
        awaitNames(user, "budget", List.of("Budget Plan.xlsx"));

        assertThat(drive.post("/file/v1/file/copy", user.token(), "id", archive, "parentId", folder).code()).isEqualTo(200);
        awaitNames(user, "budget", List.of("Budget Plan.xlsx", "Budget Plan.xlsx"));

        byte[] content = DriveClient.randomBytes(33);
        drive.upload(drive.newUser(), 0, "seed.bin", content);
        Reply instant = drive.post("/file/v1/upload/instant", user.token(), "parentId", 0, "name", "instant copy.bin",
                "size", content.length, "sha256", DriveClient.sha256(content));
        assertThat(instant.data().path("hit").asBoolean()).isTrue();
        awaitNames(user, "instant", List.of("instant copy.bin"));
    }

    @Test
    void aSavedShareIsFoundInTheSaversDriveWithinASecond() throws Exception {
        User owner = drive.newUser();
        long folder = drive.folder(owner, 0, "Shared Album");
        drive.upload(owner, folder, "sunset 日落.png", DriveClient.randomBytes(120));
        Reply share = drive.post("/share/v1/share/create", owner.token(), "ids", List.of(folder), "code", "Qw12");
        assertThat(share.code()).as("%s", share).isEqualTo(200);
        Reply opened = drive.post("/share/v1/share/validate", null, "shareKey", share.data().path("shareKey").asText(), "code", "Qw12");
        User saver = drive.newUser();
        assertThat(names(search(saver, "keyword", "日落"))).isEmpty();

        Reply saved = drive.post("/share/v1/share/save", saver.token(), "shareToken", opened.data().path("shareToken").asText());
        assertThat(saved.code()).as("%s", saved).isEqualTo(200);
        awaitNames(saver, "日落", List.of("sunset 日落.png"));
        awaitNames(saver, "album", List.of("Shared Album"));
        assertThat(drive.get("/search/v1/search/stats", saver.token()).data().path("files").asLong()).isEqualTo(1);
    }

    @Test
    void reindexRebuildsTheIndexFromTheFilesTable() throws Exception {
        User user = library();
        DatabaseClient db = MOCKS3.bean(DatabaseClient.class);
        db.sql("delete from drive_search where user_id = $1").bind(0, user.id()).fetch().rowsUpdated().block();
        db.sql("insert into drive_search (entry_id, user_id, parent_id, name, folder, kind, size, updated_at, name_fold, name_key, words) "
                        + "values (-$1, $1, 0, 'ghost.txt', false, 'document', 1, now(), 'ghost.txt', 'ghost.txt', to_tsvector('simple', 'ghost txt'))")
                .bind(0, user.id()).fetch().rowsUpdated().block();
        assertThat(names(search(user, "keyword", "report"))).isEmpty();
        assertThat(names(search(user, "keyword", "ghost"))).containsExactly("ghost.txt");

        JsonNode run = jobs.run(UUID.randomUUID().toString(), EventTypes.JOB_DRIVE_SEARCH_REINDEX, "{\"user_id\":" + user.id() + "}");
        assertThat(run.path("ran").asBoolean()).isTrue();
        assertThat(run.path("result").path("indexed").asLong()).isEqualTo(8);
        assertThat(run.path("result").path("removed").asLong()).isEqualTo(1);
        assertThat(names(search(user, "keyword", "report"))).containsExactly("Quarterly Report 2024.pdf", "Reports");
        assertThat(names(search(user, "keyword", "ghost"))).isEmpty();
        assertThat(drive.get("/search/v1/search/stats", user.token()).data().path("files").asLong()).isEqualTo(7);
    }

    @Test
    void reindexCompletesForADriveOfManyFiles() {
        User user = drive.newUser();
        int folders = 30_000;
        MOCKS3.bean(DatabaseClient.class).sql("insert into drive_entries (user_id, parent_id, name, folder) "
                        + "select $1, 0, 'bulk-' || i, true from generate_series(0, $2 - 1) i")
                .bind(0, user.id()).bind(1, folders).fetch().rowsUpdated().block();
        // as autovacuum would: with the table's statistics from before the insert the planner walks 30,000 folders in a nested loop
        MOCKS3.bean(DatabaseClient.class).sql("analyze drive_entries").fetch().rowsUpdated().block();
        // the job once wrote its first batch while still reading the files on the same connection: past what the
        // connection buffers, both waited for each other and the job never answered
        JsonNode run = assertTimeoutPreemptively(Duration.ofMinutes(3),
                () -> jobs.run(UUID.randomUUID().toString(), EventTypes.JOB_DRIVE_SEARCH_REINDEX, "{\"user_id\":" + user.id() + "}"));
        assertThat(run.path("result").path("indexed").asLong()).isEqualTo(folders);
        assertThat(names(search(user, "keyword", "bulk-29999"))).containsExactly("bulk-29999");
    }

    private JsonNode search(User user, Object... query) {
        Reply r = drive.get("/search/v1/search/files", user.token(), query);
        assertThat(r.code()).as("%s", r).isEqualTo(200);
        return r.data();
    }

    /** Waits at most a second for a search of {@code keyword} to answer exactly {@code expected} (any order). */
    private void awaitNames(User user, String keyword, List<String> expected) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        List<String> found;
        while (!sameNames(found = names(search(user, "keyword", keyword)), expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("search for " + keyword + " answered " + found + ", not " + expected + ", after " + CATCH_UP);
            }
            Thread.sleep(20);
        }
    }

    private void awaitParent(User user, String keyword, long parent) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (search(user, "keyword", keyword).path("list").path(0).path("parentId").asLong() != parent) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the index did not see the move within " + CATCH_UP);
            }
            Thread.sleep(20);
        }
    }

    private static boolean sameNames(List<String> found, List<String> expected) {
        return found.stream().sorted().toList().equals(expected.stream().sorted().toList());
    }

    private static List<String> names(JsonNode data) {
        List<String> names = new ArrayList<>();
        data.path("list").forEach(hit -> names.add(hit.path("name").asText()));
        return names;
    }

    private static List<Long> typeCount(JsonNode stats, String type) {
        for (JsonNode t : stats.path("types")) {
            if (t.path("type").asText().equals(type)) {
                return List.of(t.path("count").asLong(), t.path("bytes").asLong());
            }
        }
        return List.of();
    }
}
