package dev.mocks3.loadtests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Seeds the drive's users and files straight into its PostgreSQL with one {@code psql} script: the
 * load runner's shortcut, never the product's (the drive has no bulk endpoint). It copies the password
 * hash of user 0 (registered over HTTP, so it is a real Argon2id hash of {@link DriveLoadRunner#PASSWORD})
 * to every other user, writes the files as instant uploads would (same names, sizes and contents),
 * then recounts every touched content's references and every seeded user's used quota from the
 * files, as the drive's reconcile would. Idempotent: rows already there are left alone.
 */
final class DriveSqlSeed {

    /** Where PostgreSQL is: a libpq URL, and the password apart (given to psql as PGPASSWORD). */
    record Target(String url, String password) {

        /** The local runner's embedded PostgreSQL, found from its data folder while it runs. */
        static Target ofDataDir(Path dataDir) throws IOException {
            Path pid = dataDir.resolve("postgres").resolve("pgdata").resolve("postmaster.pid");
            List<String> lines = Files.readAllLines(pid);
            if (lines.size() < 4) {
                throw new IOException(pid + " does not name a port: is the runner's PostgreSQL up?");
            }
            String password = Files.readString(dataDir.resolve("postgres").resolve("postgres").resolve("password")).strip();
            return new Target("postgresql://mocks3@127.0.0.1:" + lines.get(3).strip() + "/mocks3", password);
        }
    }

    private DriveSqlSeed() {
    }

    /**
     * Users {@code 0..users-1} (mobiles {@link DriveLoadRunner#mobile}) with {@code perUser} files each
     * in their root, {@code file-<i>}, of content {@code shas[(user * perUser + i) % shas.length]}.
     * User 0 and the contents must already exist (uploaded over HTTP).
     */
    static void seed(Target target, String psql, int users, int perUser, String[] shas, int contentSize, PrintStream log)
            throws IOException, InterruptedException {
        StringBuilder contents = new StringBuilder();
        for (int c = 0; c < shas.length; c++) {
            contents.append(c == 0 ? "" : ", ").append("(").append(c).append(", '").append(shas[c]).append("')");
        }
        String mobile = "'150' || lpad(u::text, 8, '0')";
        String sql = String.join("\n",
                "\\set ON_ERROR_STOP on",
                "begin;",
                "create temporary table seed_contents (idx int primary key, sha256 char(64)) on commit drop;",
                "insert into seed_contents values " + contents + ";",
                "insert into drive_users (mobile, name, password_hash, quota_total)",
                "  select " + mobile + ", 'load-' || u, first.password_hash, first.quota_total",
                "  from generate_series(0, " + (users - 1) + ") u, drive_users first",
                "  where first.mobile = '" + DriveLoadRunner.mobile(0) + "'",
                "  on conflict (mobile) do nothing;",
                "insert into drive_entries (user_id, parent_id, name, folder, sha256, size)",
                "  select du.id, 0, 'file-' || i, false, c.sha256, " + contentSize,
                "  from generate_series(0, " + (users - 1) + ") u",
                "  join drive_users du on du.mobile = " + mobile,
                "  cross join generate_series(0, " + (perUser - 1) + ") i",
                "  join seed_contents c on c.idx = (u::bigint * " + perUser + " + i) % " + shas.length,
                "  on conflict (user_id, parent_id, name) where trashed_at is null do nothing;",
                "update drive_contents dc set refs = (select count(*) from drive_entries e where e.sha256 = dc.sha256)",
                "  where dc.sha256 in (select sha256 from seed_contents);",
                "update drive_users du set quota_used = (select coalesce(sum(size), 0) from drive_entries e",
                "  where e.user_id = du.id and not e.folder) where du.mobile like '150%' and length(du.mobile) = 11;",
                "commit;",
                "analyze drive_users;",
                "analyze drive_entries;",
                "analyze drive_contents;",
                "");
        long start = System.nanoTime();
        run(target, psql, sql);
        log.printf(Locale.ROOT, "seeded %d users and %d files through psql in %.1f s%n", users, (long) users * perUser,
                (System.nanoTime() - start) / 1e9);
    }

    /** A file to seed for one user: in the root ({@code folder} empty) or in the root folder {@code folder}, made when missing. */
    record Placed(String folder, String name) {
    }

    /**
     * The files {@code placed} of the registered user {@code mobile}, all of content {@code sha} (known to the
     * drive already), written as instant uploads would write them; then that content's references and the
     * user's used quota recounted. Idempotent: names already taken are left alone.
     */
    static void seedPlaced(Target target, String psql, String mobile, String sha, int size, List<Placed> placed, PrintStream log)
            throws IOException, InterruptedException {
        StringBuilder rows = new StringBuilder(placed.size() * 40);
        for (Placed p : placed) {
            if ((p.folder() + p.name()).matches(".*[\\t\\n\\r\\\\].*")) {
                throw new IllegalArgumentException("a seeded name may hold no tab, line break or backslash: " + p);
            }
            rows.append(p.folder()).append('\t').append(p.name()).append('\n');
        }
        String user = "(select id from drive_users where mobile = '" + mobile + "')";
        String sql = String.join("\n",
                "\\set ON_ERROR_STOP on",
                "begin;",
                "create temporary table seed_placed (folder text not null, name text not null) on commit drop;",
                "copy seed_placed from stdin;",
                rows + "\\.",
                "insert into drive_entries (user_id, parent_id, name, folder)",
                "  select distinct " + user + ", 0, folder, true from seed_placed where folder <> ''",
                "  on conflict (user_id, parent_id, name) where trashed_at is null do nothing;",
                "insert into drive_entries (user_id, parent_id, name, folder, sha256, size)",
                "  select " + user + ", coalesce(f.id, 0), p.name, false, '" + sha + "', " + size + " from seed_placed p",
                "  left join drive_entries f on p.folder <> '' and f.user_id = " + user + " and f.parent_id = 0",
                "    and f.name = p.folder and f.folder and f.trashed_at is null",
                "  on conflict (user_id, parent_id, name) where trashed_at is null do nothing;",
                "update drive_contents set refs = (select count(*) from drive_entries e where e.sha256 = '" + sha + "')",
                "  where sha256 = '" + sha + "';",
                "update drive_users du set quota_used = (select coalesce(sum(size), 0) from drive_entries e",
                "  where e.user_id = du.id and not e.folder) where du.mobile = '" + mobile + "';",
                "commit;",
                "analyze drive_entries;",
                "");
        long start = System.nanoTime();
        run(target, psql, sql);
        log.printf(Locale.ROOT, "seeded %d files of %s through psql in %.1f s%n", placed.size(), mobile, (System.nanoTime() - start) / 1e9);
    }

    /** Runs a psql script (given on standard input, so it may hold COPY data); fails with psql's output. */
    static void run(Target target, String psql, String sql) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(psql, "-q", "-X", target.url()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PGPASSWORD", target.password());
        Process p = builder.start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("psql seeding failed: " + out);
        }
    }
}
