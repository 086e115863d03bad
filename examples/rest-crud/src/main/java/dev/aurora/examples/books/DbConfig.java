package dev.aurora.examples.books;

import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [db]} configuration section: where the database is and how the pool is sized.
 * Overridden like Aurora's own sections: {@code AURORA_DB_URL=jdbc:h2:./data/books},
 * {@code -Daurora.db.poolSize=4}.
 *
 * @param url the JDBC URL; the default is an in-memory H2 database that lives as long as the JVM
 * @param user the database user
 * @param password the database password
 * @param poolSize connections in the pool, fixed (HikariCP's {@code maximumPoolSize} and
 *     {@code minimumIdle}); see the README for why this is small however many virtual threads wait
 * @param connectionTimeout how long a request waits for a free connection before it is answered
 *     {@code 503}; HikariCP's minimum is 250 ms
 * @param retryAfter the {@code Retry-After} sent with that {@code 503}, in whole seconds
 */
public record DbConfig(@Required String url, @Required String user, String password,
        @Range(min = 1, max = 64) int poolSize, Duration connectionTimeout,
        @Range(min = 1, max = 3600) int retryAfter) {

    /** Checks what the annotations cannot: the timeout HikariCP accepts. */
    public DbConfig {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250ms: " + connectionTimeout);
        }
        password = password == null ? "" : password;
    }

    /** @return in-memory H2, 8 connections, a 2 s wait for one, {@code Retry-After: 1} */
    public static DbConfig defaults() {
        return new DbConfig("jdbc:h2:mem:books;DB_CLOSE_DELAY=-1", "sa", "", 8, Duration.ofSeconds(2), 1);
    }

    /**
     * @param url another JDBC URL
     * @return a copy with that URL
     */
    public DbConfig withUrl(String url) {
        return new DbConfig(url, user, password, poolSize, connectionTimeout, retryAfter);
    }

    /**
     * @param size another pool size
     * @return a copy with that pool size
     */
    public DbConfig withPoolSize(int size) {
        return new DbConfig(url, user, password, size, connectionTimeout, retryAfter);
    }

    /**
     * @param timeout another wait for a free connection
     * @return a copy with that timeout
     */
    public DbConfig withConnectionTimeout(Duration timeout) {
        return new DbConfig(url, user, password, poolSize, timeout, retryAfter);
    }
}
