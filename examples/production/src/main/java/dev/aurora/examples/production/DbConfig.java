package dev.aurora.examples.production;

import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code [db]} section of {@code aurora.toml}: where the database is and how the pool is sized.
 * Overridden like Aurora's own sections: {@code AURORA_DB_URL=jdbc:h2:/var/lib/notes/notes},
 * {@code AURORA_DB_POOL_SIZE=4}.
 *
 * @param url the JDBC URL
 * @param user the database user
 * @param password the database password (better from the environment than the file)
 * @param poolSize connections in the pool, fixed: handlers on virtual threads wait for one, parked
 * @param connectionTimeout how long a request waits for a free connection before it fails; also
 *     the bound of the readiness check
 */
public record DbConfig(@Required String url, @Required String user, String password,
        @Range(min = 1, max = 64) int poolSize, Duration connectionTimeout) {

    /** Checks what the annotations cannot: the timeout HikariCP accepts. */
    public DbConfig {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250ms: " + connectionTimeout);
        }
        password = password == null ? "" : password;
    }

    /** @return an in-memory H2 database, 8 connections, a 2 s wait for one */
    public static DbConfig defaults() {
        return new DbConfig("jdbc:h2:mem:notes;DB_CLOSE_DELAY=-1", "sa", "", 8, Duration.ofSeconds(2));
    }

    /**
     * @param url another JDBC URL
     * @return a copy with that URL
     */
    public DbConfig withUrl(String url) {
        return new DbConfig(url, user, password, poolSize, connectionTimeout);
    }
}
