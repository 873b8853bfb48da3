package dev.mocks3.local.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    @TempDir
    Path workDir;

    @Test
    void keepsRowsAcrossARestart() throws SQLException {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            assertThat(query(postgres, "select 1")).containsExactly("1");
            execute(postgres, "create table notes (body text)", "insert into notes values ('kept')");
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            assertThat(query(postgres, "select body from notes")).containsExactly("kept");
        }
    }

    @Test
    void servesTheMocks3DatabaseOnTheRequestedPort() throws SQLException {
        int port = FreePort.pick();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, port)) {
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/mocks3");
            assertThat(postgres.r2dbcUrl()).isEqualTo("r2dbc:postgresql://127.0.0.1:" + port + "/mocks3");
            assertThat(query(postgres, "select current_database()")).containsExactly("mocks3");
        }
    }

    @Test
    void closeStopsTheServer() {
        EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0);
        postgres.close();
        assertThatThrownBy(() -> query(postgres, "select 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void startsDespiteAPostmasterPidNamingAnotherLiveProcess() throws Exception {
        EmbeddedPostgres.start(workDir, 0).close();
        // after a reboot the pid in a stale file often belongs to some other process
        Files.writeString(workDir.resolve("pgdata/postmaster.pid"), ProcessHandle.current().pid() + "\n");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            assertThat(query(postgres, "select 1")).containsExactly("1");
        }
    }

    @Test
    void takesOverFromARunKilledTogetherWithItsWatchdog() throws Exception {
        int port = FreePort.pick();
        KilledRun.withItsWatchdogs("postgres", workDir, port);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, port)) {
            assertThat(query(postgres, "select 1")).containsExactly("1");
        }
    }

    @Test
    void refusesASecondServerOnTheSameWorkDir() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            assertThatThrownBy(() -> EmbeddedPostgres.start(workDir, 0))
                    .hasMessageContaining("already run by another process");
            assertThat(postgres.port()).isPositive();
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "mocks3", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "mocks3", "mocks3"))
                    .hasMessageContaining("password authentication failed");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl().replace("/mocks3", "/postgres"),
                    "postgres", "")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void keepsItsPasswordInAFileOnlyItsOwnerMayRead() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            OwnerOnly.assertSecretFile(workDir.resolve("postgres/password"), postgres.password());
        }
    }

    @Test
    void closesAClusterThatAnEarlierVersionLeftOpenToEveryLocalUser() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            execute(postgres, "create table notes (body text)", "insert into notes values ('kept')");
        }
        // what versions before passwords left behind: trust for everyone, no password file
        Files.writeString(workDir.resolve("pgdata/pg_hba.conf"), "local all all trust\nhost all all 127.0.0.1/32 trust\n");
        Files.delete(workDir.resolve("postgres/password"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(workDir, 0)) {
            assertThat(query(postgres, "select body from notes")).containsExactly("kept");
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl(), "mocks3", ""))
                    .isInstanceOf(SQLException.class);
            OwnerOnly.assertSecretFile(workDir.resolve("postgres/password"), postgres.password());
        }
    }

    private static void execute(EmbeddedPostgres postgres, String... statements) throws SQLException {
        try (Connection connection = connect(postgres); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static List<String> query(EmbeddedPostgres postgres, String sql) throws SQLException {
        try (Connection connection = connect(postgres);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }

    private static Connection connect(EmbeddedPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(), postgres.password());
    }
}
