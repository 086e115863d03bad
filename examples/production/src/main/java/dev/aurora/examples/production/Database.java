package dev.aurora.examples.production;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.aurora.error.ServiceUnavailableException;
import dev.aurora.health.Health;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Map;

/**
 * The connection pool: a fixed number of connections that handlers, one virtual thread each, wait
 * for (parked, costing a few KiB) for at most {@link DbConfig#connectionTimeout()}; then the
 * request is answered {@code 503} with {@code Retry-After}. {@link #check()} is the readiness check.
 */
public final class Database implements AutoCloseable {
    /**
     * Work on one connection in auto-commit mode.
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

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the pool and its connections, publishing its meters ({@code hikaricp_connections_*})
     * on {@code registry}.
     *
     * @param config the URL and pool settings
     * @param registry where the pool's meters go
     * @return the database
     */
    public static Database open(DbConfig config, MeterRegistry registry) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("notes");
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        // A fixed pool, as HikariCP recommends: no connection is opened while requests wait.
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setMetricRegistry(registry);
        return new Database(new HikariDataSource(hikari));
    }

    /**
     * Runs {@code work} on a pooled connection.
     *
     * @param work the statements
     * @param <T> the result type
     * @return what {@code work} returned
     * @throws SQLException what JDBC threw
     * @throws ServiceUnavailableException ({@code 503}, {@code Retry-After: 1}) when no connection
     *     became free within the connection timeout
     */
    public <T> T run(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLTransientException e) {
            throw new ServiceUnavailableException("The database is busy; try again shortly").header("Retry-After", "1");
        }
    }

    /**
     * The readiness check: a connection from the pool that the driver says is valid. Down when the
     * pool is closed, the database unreachable, or every connection busy past the timeout.
     *
     * @return up with the pool's figures, or down with the reason
     * @throws SQLException when no connection can be had (reported as down with the message)
     */
    public Health check() throws SQLException {
        try (Connection c = pool.getConnection()) {
            if (!c.isValid(1)) {
                return Health.down("the database did not answer a validation query within 1 s");
            }
            HikariPoolMXBean stats = pool.getHikariPoolMXBean();
            return Health.up(Map.of("active", stats.getActiveConnections(), "idle", stats.getIdleConnections(),
                    "waiting", stats.getThreadsAwaitingConnection()));
        }
    }

    /** Closes every connection; later requests and checks fail to get one. */
    @Override
    public void close() {
        pool.close();
    }
}
