package dev.aurora.examples.books;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.aurora.error.HttpException;
import dev.aurora.error.ServiceUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * The connection pool, and the two ways handlers use it: {@link #read} for one connection in
 * auto-commit mode, {@link #transaction} for statements that must succeed or fail together.
 *
 * <p>Handlers run on virtual threads, as many as there are requests, and JDBC blocks them without
 * holding a platform thread. Connections stay scarce: the pool has {@link DbConfig#poolSize()} of
 * them and a request that finds none free waits (parked, costing almost nothing) for
 * {@link DbConfig#connectionTimeout()}. If none is freed by then the request is answered
 * {@code 503} with {@code Retry-After} rather than left queueing behind the others: a client
 * learns quickly that the server is saturated, and the database never sees more work than it has
 * connections for. A statement that gives up waiting for a lock (the database's lock timeout) or
 * is chosen as a deadlock victim is answered the same way, after its transaction is rolled back:
 * JDBC reports all of these as {@link SQLTransientException}, "the same call may succeed later".
 */
public final class Database implements AutoCloseable {
    /**
     * Work on one connection.
     *
     * @param <T> what the work returns
     */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param connection a pooled connection, returned to the pool afterwards
         * @return the result
         * @throws SQLException what JDBC throws
         */
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String retryAfter;

    private Database(HikariDataSource pool, int retryAfter) {
        this.pool = pool;
        this.retryAfter = Integer.toString(retryAfter);
    }

    /**
     * Opens the pool (and with it the first connections) with a fixed size.
     *
     * @param config the URL and pool settings
     * @return the database
     */
    public static Database open(DbConfig config) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("books");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        // A fixed pool, as HikariCP recommends: no connection is opened while requests wait.
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        return new Database(new HikariDataSource(hikari), config.retryAfter());
    }

    /**
     * Runs {@code work} on a connection in auto-commit mode: each statement commits on its own.
     *
     * @param work the statements
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws SQLException what JDBC threw
     * @throws ServiceUnavailableException ({@code 503} with {@code Retry-After}) when no
     *     connection became free within the connection timeout, or a lock wait timed out
     */
    public <T> T read(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLTransientException e) {
            throw busy();
        }
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws
     * anything, an {@code HttpException} such as a {@code 412} included.
     *
     * @param work the statements
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws SQLException what JDBC threw
     * @throws ServiceUnavailableException ({@code 503} with {@code Retry-After}) when no
     *     connection became free within the connection timeout, or a lock wait timed out
     */
    public <T> T transaction(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            // HikariCP restores auto-commit when the connection goes back to the pool.
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (Throwable failure) {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    failure.addSuppressed(e);
                }
                throw failure;
            }
        } catch (SQLTransientException e) {
            throw busy();
        }
    }

    /** HikariCP's connectionTimeout passed with every connection in use, or a lock wait timed out. */
    private HttpException busy() {
        return new ServiceUnavailableException("The database is busy; try again shortly").header("Retry-After", retryAfter);
    }

    /** Closes every connection; requests still running fail to get one. */
    @Override
    public void close() {
        pool.close();
    }
}
