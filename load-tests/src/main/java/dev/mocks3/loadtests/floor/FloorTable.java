package dev.mocks3.loadtests.floor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The scratch table the database modes read and write: {@code floor_objects}, shaped like MockS3's
 * {@code objects} (text key, text/bigint columns, three jsonb documents, a timestamp), in a database
 * of its own, with {@code rows} rows in one bucket. Set up and inspected over JDBC, outside the
 * measured rounds.
 */
final class FloorTable {

    static final String BUCKET = "bench";

    static final String SELECT = "select * from floor_objects where bucket = $1 and key = $2";

    static final String UPSERT = """
            insert into floor_objects (bucket, key, blob_sha256, size, etag, last_modified, content_type, headers, checksums)
            values ($1, $2, $3, $4, $5, now(), 'application/octet-stream', $6::jsonb, $7::jsonb)
            on conflict (bucket, key) do update set blob_sha256 = excluded.blob_sha256, size = excluded.size,
                etag = excluded.etag, last_modified = excluded.last_modified, headers = excluded.headers,
                checksums = excluded.checksums""";

    private final FloorOptions options;

    FloorTable(FloorOptions options) {
        this.options = options;
    }

    /** The application name this JVM's measured connections carry, to find their backends. */
    static String applicationName() {
        return "stackfloor-" + ProcessHandle.current().pid();
    }

    static String key(int rows) {
        return "k" + ThreadLocalRandom.current().nextInt(rows);
    }

    /** A fresh 64-hex-digit content hash, a quoted ETag and the two JSON documents of an upsert. */
    static String[] writeValues() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sha = Long.toHexString(random.nextLong() | Long.MIN_VALUE).repeat(4);
        String etag = "\"" + sha.substring(0, 32) + "\"";
        String headers = "{\"cache-control\": \"no-cache\"}";
        String checksums = "{\"CRC32\": \"" + Integer.toHexString(random.nextInt()) + "\"}";
        return new String[] {sha, etag, headers, checksums};
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + options.pgHost() + ":" + options.pgPort() + "/" + database + "?user=" + options.pgUser();
    }

    /** Creates the database and table when missing and fills the table's rows. */
    void prepare() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres")); Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("select 1 from pg_database where datname = '" + options.database() + "'")) {
            if (!exists.next()) {
                s.execute("create database " + options.database());
            }
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl(options.database())); Statement s = c.createStatement()) {
            s.execute("""
                    create table if not exists floor_objects (
                        bucket text not null, key text collate "C" not null, blob_sha256 text not null,
                        size bigint not null, etag text not null, last_modified timestamptz not null,
                        content_type text, headers jsonb not null default '{}'::jsonb,
                        user_metadata jsonb not null default '{}'::jsonb, checksums jsonb not null default '{}'::jsonb,
                        storage_class text not null default 'STANDARD', owner text, version_id text,
                        tags jsonb not null default '{}'::jsonb, primary key (bucket, key))""");
            c.setAutoCommit(false);
            try (PreparedStatement upsert = c.prepareStatement(jdbc(UPSERT))) {
                for (int i = 0; i < options.rows(); i++) {
                    bindUpsert(upsert, "k" + i);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            s.execute("vacuum analyze floor_objects");
        }
    }

    /** The server's version and the settings that decide what a commit costs. */
    String settings() throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(options.database())); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select current_setting('server_version'), current_setting('synchronous_commit'),"
                     + " current_setting('fsync'), current_setting('wal_sync_method'), current_setting('full_page_writes')")) {
            r.next();
            return "PostgreSQL " + r.getString(1) + ": synchronous_commit=" + r.getString(2) + " fsync=" + r.getString(3)
                    + " wal_sync_method=" + r.getString(4) + " full_page_writes=" + r.getString(5);
        }
    }

    /** The backends of this JVM's measured connections, by their application name. */
    List<Long> backendPids() throws SQLException {
        List<Long> pids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(options.database()));
             PreparedStatement s = c.prepareStatement("select pid from pg_stat_activity where application_name = ?")) {
            s.setString(1, applicationName());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pids.add(r.getLong(1));
                }
            }
        }
        return pids;
    }

    static void bindUpsert(PreparedStatement upsert, String key) throws SQLException {
        String[] v = writeValues();
        upsert.setString(1, BUCKET);
        upsert.setString(2, key);
        upsert.setString(3, v[0]);
        upsert.setLong(4, 4096);
        upsert.setString(5, v[1]);
        upsert.setString(6, v[2]);
        upsert.setString(7, v[3]);
    }

    /** JDBC's placeholders for R2DBC PostgreSQL's {@code $n}. */
    static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }
}
