package dev.mocks3.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.mocks3.local.embedded.EmbeddedPostgres;
import dev.mocks3.state.migration.MigrationBand;

/** Each module's migrations stay in its band, and bands may grow in any order on an existing data folder. */
class MigrationBandsTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.+\\.sql");

    record Migration(int version, String name, Resource resource, String location) {
    }

    @Test
    void everyMigrationLiesInTheBandOfTheModuleThatShipsIt() throws IOException {
        List<Migration> migrations = migrations();
        assertThat(migrations).extracting(Migration::location).anyMatch(url -> url.contains("state"))
                .anyMatch(url -> url.contains("faults"));
        for (Migration migration : migrations) {
            MigrationBand band = MigrationBand.ofLocation(migration.location())
                    .orElseThrow(() -> new AssertionError(migration.location() + " is in no module's band"));
            assertThat(band.holds(migration.version())).as(migration.name() + " of " + band.artifact() + " within "
                    + band.first() + "-" + band.last()).isTrue();
        }
        assertThat(migrations).extracting(Migration::version).doesNotHaveDuplicates();
    }

    /**
     * A data folder on which a higher band already ran a migration (the last version of the last band
     * stands in for it: above every migration shipped, as a newer module's would be) and the state band
     * only its first: MockS3 still starts and applies every migration it ships.
     */
    @Test
    void aLowerBandsNewMigrationAppliesWhereAHigherBandAlreadyRan() throws Exception {
        Path dataDir = Path.of("target", "it-data", "bands-" + UUID.randomUUID()).toAbsolutePath();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0)) {
            Path earlier = Files.createDirectories(dataDir.resolve("earlier-migrations"));
            Migration first = migrations().stream().filter(m -> m.version() == 1).findFirst().orElseThrow();
            try (InputStream in = first.resource().getInputStream()) {
                Files.copy(in, earlier.resolve(first.name()));
            }
            int later = MigrationBand.ALL.get(MigrationBand.ALL.size() - 1).last();
            Files.writeString(earlier.resolve("V" + later + "__a_later_module.sql"), "create table later_module_probe (id int);");
            Flyway.configure().dataSource(postgres.jdbcUrl(), postgres.username(), postgres.password())
                    .locations("filesystem:" + earlier).load().migrate();

            try (LocalRunner runner = startOn(postgres, dataDir, null)) {
                assertThat(appliedVersions(postgres)).containsAll(migrations().stream().map(Migration::version).toList());
                assertThat(send(runner, "PUT", "/bands-" + UUID.randomUUID().toString().substring(0, 8)).statusCode()).isEqualTo(200);
            }
        }
    }

    /**
     * A data folder that the shipped modules migrated, where a bucket lives: a module added later (V399
     * stands in for its first migration, the top of the last band, above everything shipped) is applied
     * on the next start, and so is one added after that whose band is lower (V299, out of order); the
     * bucket is still there.
     */
    @Test
    void aNewModulesFirstMigrationAppliesOnAnExistingDataFolder() throws Exception {
        Path dataDir = Path.of("target", "it-data", "new-module-" + UUID.randomUUID()).toAbsolutePath();
        String bucket = "/kept-" + UUID.randomUUID().toString().substring(0, 8);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), 0)) {
            try (LocalRunner runner = startOn(postgres, dataDir, null)) {
                assertThat(send(runner, "PUT", bucket).statusCode()).isEqualTo(200);
            }
            List<Integer> shipped = migrations().stream().map(Migration::version).toList();
            assertThat(appliedVersions(postgres)).containsExactlyInAnyOrderElementsOf(shipped);

            Path jobs = Files.createDirectories(dataDir.resolve("jobs-migrations"));
            Files.writeString(jobs.resolve("V399__later_first.sql"), "create table later_probe (id int);");
            try (LocalRunner runner = startOn(postgres, dataDir, jobs)) {
                assertThat(appliedVersions(postgres)).contains(399);
            }

            // the drive band's next version (its first, V200, ships already), lower than the jobs band's
            int driveNext = shipped.stream().filter(v -> v >= 200 && v < 300).max(Integer::compare).map(v -> v + 1).orElse(200);
            Path drive = Files.createDirectories(dataDir.resolve("drive-migrations"));
            Files.writeString(drive.resolve("V299__lower_first.sql"), "create table lower_probe (id int);");
            Files.copy(jobs.resolve("V399__later_first.sql"), drive.resolve("V399__later_first.sql"));
            try (LocalRunner runner = startOn(postgres, dataDir, drive)) {
                assertThat(appliedVersions(postgres)).containsAll(shipped).contains(299, 399);
                assertThat(send(runner, "HEAD", bucket).statusCode()).as("the bucket made before").isEqualTo(200);
            }
            assertThat(appliedVersions(postgres)).endsWith(299);
        }
    }

    /** MockS3 on this PostgreSQL and data folder; {@code extraMigrations} a module's folder of scripts beside the shipped ones. */
    private static LocalRunner startOn(EmbeddedPostgres postgres, Path dataDir, Path extraMigrations) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("server.port", "0", "mocks3.faults.api-port", "0",
                "mocks3.storage.data-dir", dataDir.toString(), "spring.r2dbc.url", postgres.r2dbcUrl(),
                "spring.r2dbc.username", postgres.username(), "spring.r2dbc.password", postgres.password(),
                "spring.flyway.url", postgres.jdbcUrl(), "spring.flyway.user", postgres.username(),
                "spring.flyway.password", postgres.password()));
        if (extraMigrations != null) {
            settings.put("spring.flyway.locations", "classpath:db/migration,filesystem:" + extraMigrations);
        }
        return LocalRunner.start(settings);
    }

    private static HttpResponse<String> send(LocalRunner runner, String method, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + runner.port() + path))
                        .method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<Migration> migrations() throws IOException {
        List<Migration> found = new ArrayList<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/V*.sql")) {
            Matcher name = VERSIONED.matcher(resource.getFilename());
            if (name.matches()) {
                found.add(new Migration(Integer.parseInt(name.group(1)), resource.getFilename(), resource,
                        resource.getURL().toString()));
            }
        }
        return found;
    }

    private static List<Integer> appliedVersions(EmbeddedPostgres postgres) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
             ResultSet rows = db.createStatement().executeQuery(
                     "select version from flyway_schema_history where success and version is not null order by installed_rank")) {
            while (rows.next()) {
                versions.add(Integer.parseInt(rows.getString(1)));
            }
        }
        return versions;
    }
}
