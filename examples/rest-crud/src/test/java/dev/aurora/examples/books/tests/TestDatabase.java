package dev.aurora.examples.books.tests;

import dev.aurora.Aurora;
import dev.aurora.examples.books.BooksApp;
import dev.aurora.examples.books.Database;
import dev.aurora.examples.books.DbConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

/**
 * A private in-memory database for one test class, the application on it, and a connection of
 * the test's own beside the pool, to hold row locks as a concurrent transaction would.
 */
final class TestDatabase implements AutoCloseable {
    private final String url;
    private final Database database;
    private final Aurora app;

    private TestDatabase(String url, Database database, Aurora app) {
        this.url = url;
        this.database = database;
        this.app = app;
    }

    /**
     * @param poolSize connections in the application's pool
     * @param lockTimeout how long a statement waits for a row lock before it fails
     */
    static TestDatabase create(int poolSize, Duration lockTimeout) {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=" + lockTimeout.toMillis();
        Database database = Database.open(DbConfig.defaults().withUrl(url).withPoolSize(poolSize)
                .withConnectionTimeout(Duration.ofMillis(250)));
        try {
            return new TestDatabase(url, database, BooksApp.create(BooksApp.DEFAULTS.withPort(0), database));
        } catch (SQLException e) {
            database.close();
            throw new IllegalStateException(e);
        }
    }

    /** A pool of 4 that waits up to 10 s for a lock: nothing times out unless a test means it to. */
    static TestDatabase create() {
        return create(4, Duration.ofSeconds(10));
    }

    Aurora app() {
        return app;
    }

    /**
     * Opens a transaction of the test's own and locks the rows {@code sql} selects; closing the
     * connection rolls back and releases them.
     *
     * @param sql a {@code SELECT ... FOR UPDATE}
     */
    Connection lock(String sql, long id) throws SQLException {
        Connection c = DriverManager.getConnection(url, "sa", "");
        c.setAutoCommit(false);
        try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, id);
            select.executeQuery().close();
        }
        return c;
    }

    /** @return how many sessions are waiting for a lock another session holds */
    int waitingSessions() {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
