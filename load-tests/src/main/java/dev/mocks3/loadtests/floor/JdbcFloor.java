package dev.mocks3.loadtests.floor;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference for the R2DBC modes: {@code concurrency} platform threads, each with its own
 * PostgreSQL JDBC connection (no pool) and one prepared statement, sending the same lookup or
 * autocommit upsert one after the other. What is left is the database's work and a blocking
 * driver's; the difference to the R2DBC mode is Reactor, r2dbc-pool and the reactive driver.
 */
final class JdbcFloor extends DatabaseLoad {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    private JdbcFloor(FloorOptions options, FloorTable table, boolean write) throws SQLException {
        super(table);
        String url = table.jdbcUrl(options.database()) + "&ApplicationName=" + FloorTable.applicationName();
        for (int i = 0; i < options.concurrency(); i++) {
            Connection connection = DriverManager.getConnection(url);
            Thread thread = new Thread(() -> loop(connection, write, options.rows()), "jdbc-loop-" + i);
            threads.add(thread);
            thread.start();
        }
    }

    static JdbcFloor select(FloorOptions options, FloorTable table) throws SQLException {
        return new JdbcFloor(options, table, false);
    }

    static JdbcFloor commit(FloorOptions options, FloorTable table) throws SQLException {
        return new JdbcFloor(options, table, true);
    }

    private void loop(Connection connection, boolean write, int rows) {
        try (connection; PreparedStatement statement =
                connection.prepareStatement(FloorTable.jdbc(write ? FloorTable.UPSERT : FloorTable.SELECT))) {
            while (running) {
                if (write) {
                    FloorTable.bindUpsert(statement, FloorTable.key(rows));
                    statement.executeUpdate();
                } else {
                    statement.setString(1, FloorTable.BUCKET);
                    statement.setString(2, FloorTable.key(rows));
                    try (ResultSet row = statement.executeQuery()) {
                        int columns = row.getMetaData().getColumnCount();
                        while (row.next()) {
                            for (int i = 1; i <= columns; i++) {
                                row.getObject(i);
                            }
                        }
                    }
                }
                completed.increment();
            }
        } catch (SQLException e) {
            e.printStackTrace();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join(10_000);
        }
    }
}
