package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command for issue 10's speed figures: the 100,000-file drive of part 1 ({@link DriveLoadRunner}'s
 * {@code --seed sql}: 1,000 users of 100 files) plus, by psql too, the search runner's user with
 * {@code --search-files} files ({@link DriveSearchLoadRunner#name} names, in the root) and the share
 * scenario's owner with {@code --share-files} files ({@code --folder-files} of them in the folder
 * {@code shared}, the rest 1,000 a folder in {@code bulk-N}); then the drive's own re-index job over
 * everyone ({@code POST /_mocks3/jobs} on the S3 port), so that {@code drive_search} holds what the
 * files table holds. Logs in nobody but these three users (no password check per user of part 1).
 * Afterwards: {@code DriveSearchLoadRunner --seeded true --files N} and {@code ShareLoadScenario --seeded true}.
 *
 * <pre>
 * java -cp load-tests/target/classes dev.mocks3.loadtests.DriveSpeedSeed --url http://127.0.0.1:8888
 *     --s3-url http://127.0.0.1:8080 --data-dir DIR [--users 1000] [--files 100000] [--search-files 100000]
 *     [--share-files 10000] [--folder-files 1000] [--psql psql]
 * </pre>
 */
public final class DriveSpeedSeed {

    record Options(String url, String s3Url, DriveSqlSeed.Target target, String psql, int users, int files, int searchFiles,
                   int shareFiles, int folderFiles) {
        static Options parse(String... args) throws IOException {
            String url = "http://localhost:8888";
            String s3Url = "http://localhost:8080";
            String dataDir = null;
            String psql = "psql";
            int users = 1000;
            int files = 100_000;
            int searchFiles = 100_000;
            int shareFiles = 10_000;
            int folderFiles = 1000;
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--s3-url" -> s3Url = value;
                    case "--data-dir" -> dataDir = value;
                    case "--psql" -> psql = value;
                    case "--users" -> users = Integer.parseInt(value);
                    case "--files" -> files = Integer.parseInt(value);
                    case "--search-files" -> searchFiles = Integer.parseInt(value);
                    case "--share-files" -> shareFiles = Integer.parseInt(value);
                    case "--folder-files" -> folderFiles = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (dataDir == null) {
                throw new IllegalArgumentException("--data-dir (the local runner's data folder) is required");
            }
            if (users < 1 || files < users || files > DriveLoadRunner.MAX_FILES || searchFiles < 1 || searchFiles > 1_000_000
                    || folderFiles < 1 || shareFiles < folderFiles || shareFiles > ShareLoadScenario.MAX_FILES) {
                throw new IllegalArgumentException("options out of range");
            }
            LoadTarget.of(s3Url);
            return new Options(url, s3Url, DriveSqlSeed.Target.ofDataDir(Path.of(dataDir)), psql, users, files, searchFiles,
                    shareFiles, folderFiles);
        }
    }

    private DriveSpeedSeed() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        PrintStream log = System.out;
        DriveHttp drive = new DriveHttp(LoadTarget.of(o.url()));
        long start = System.nanoTime();

        byte[][] contents = DriveLoadRunner.contents(100);
        String[] shas = new String[contents.length];
        for (int c = 0; c < contents.length; c++) {
            shas[c] = DriveLoadRunner.sha256(contents[c]);
        }
        String first = DriveLoadRunner.register(drive, 0);
        DriveLoadRunner.seedContents(drive, first, contents, shas);
        DriveSqlSeed.seed(o.target(), o.psql(), o.users(), o.files() / o.users(), shas, DriveLoadRunner.CONTENT_SIZE, log);
        DriveLoadRunner.refreshQuota(drive, first, shas[0]);

        String searcher = DriveSearchLoadRunner.login(drive);
        String searchSha = DriveSearchLoadRunner.uploadContent(drive, searcher);
        List<DriveSqlSeed.Placed> named = new ArrayList<>(o.searchFiles());
        for (long f = 0; f < o.searchFiles(); f++) {
            named.add(new DriveSqlSeed.Placed("", DriveSearchLoadRunner.name(f)));
        }
        DriveSqlSeed.seedPlaced(o.target(), o.psql(), DriveSearchLoadRunner.MOBILE, searchSha, DriveSearchLoadRunner.CONTENT_SIZE, named, log);
        DriveLoadRunner.refreshQuota(drive, searcher, searchSha);

        String owner = ShareLoadScenario.owner(drive);
        String shareSha = ShareLoadScenario.content(drive, owner);
        List<DriveSqlSeed.Placed> placed = new ArrayList<>(o.shareFiles());
        for (int f = 0; f < o.folderFiles(); f++) {
            placed.add(new DriveSqlSeed.Placed("shared", "shared-" + f));
        }
        for (int f = 0; f < o.shareFiles() - o.folderFiles(); f++) {
            int folder = f / ShareLoadScenario.PER_FOLDER;
            placed.add(new DriveSqlSeed.Placed("bulk-" + folder, "bulk-" + folder + "-" + f % ShareLoadScenario.PER_FOLDER));
        }
        DriveSqlSeed.seedPlaced(o.target(), o.psql(), ShareLoadScenario.MOBILE, shareSha, ShareLoadScenario.CONTENT_SIZE, placed, log);
        DriveLoadRunner.refreshQuota(drive, owner, shareSha);

        long indexStart = System.nanoTime();
        String reindexed = reindexEveryone(o.s3Url());
        log.printf(Locale.ROOT, "search index rebuilt from the files table in %.1f s: %s%n", (System.nanoTime() - indexStart) / 1e9,
                reindexed);
        log.printf(Locale.ROOT, "seeded in %.1f s (load average %s)%n", (System.nanoTime() - start) / 1e9, DriveLoadRunner.loadAverage());
    }

    /** Runs the drive's re-index job for every user, as the broker would deliver it; answers the job's result. */
    private static String reindexEveryone(String s3Url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(LoadTarget.of(s3Url).base() + "/_mocks3/jobs"))
                .timeout(Duration.ofMinutes(30))
                .header("ce-specversion", "1.0").header("ce-id", "speed-seed-" + System.currentTimeMillis())
                .header("ce-type", "dev.mocks3.job.drive.search.reindex").header("ce-source", "/load-tests/speed-seed")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("re-index job answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
