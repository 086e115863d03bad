package dev.aurora.health;

import java.time.Duration;
import java.util.Objects;

/**
 * Immutable health endpoint configuration. Start from {@link #defaults()} and derive copies with
 * the {@code withX} methods; every value is checked at construction and an invalid one fails with
 * a message naming the field.
 *
 * <table class="striped">
 * <caption>Fields and defaults</caption>
 * <thead><tr><th>field</th><th>default</th><th>meaning</th></tr></thead>
 * <tbody>
 * <tr><td>{@code livePath}</td><td>/health/live</td><td>Liveness endpoint: {@code 200} while the process serves and every {@link Probe#LIVENESS} check is up.</td></tr>
 * <tr><td>{@code readyPath}</td><td>/health/ready</td><td>Readiness endpoint: {@code 200} while every {@link Probe#READINESS} check is up and no shutdown has started.</td></tr>
 * <tr><td>{@code checkTimeout}</td><td>2 s</td><td>Time a check may take, unless registered with its own; a slower check is down.</td></tr>
 * </tbody>
 * </table>
 *
 * @param livePath Liveness endpoint: {@code 200} while the process serves and every {@link Probe#LIVENESS} check is up.
 * @param readyPath Readiness endpoint: {@code 200} while every {@link Probe#READINESS} check is up and no shutdown has started.
 * @param checkTimeout Time a check may take, unless registered with its own; a slower check is down.
 */
public record HealthConfig(String livePath, String readyPath, Duration checkTimeout) {
    private static final HealthConfig DEFAULTS = new HealthConfig("/health/live", "/health/ready", Duration.ofSeconds(2));

    /** Validates every field; the message names the offending one. */
    public HealthConfig {
        checkPath("livePath", livePath);
        checkPath("readyPath", readyPath);
        if (livePath.equals(readyPath)) {
            throw new IllegalArgumentException("readyPath must differ from livePath: " + readyPath);
        }
        checkTimeout("checkTimeout", checkTimeout);
    }

    /** {@return the defaults listed in the table above} */
    public static HealthConfig defaults() {
        return DEFAULTS;
    }

    /**
     * {@return a copy with {@code livePath} replaced}
     *
     * @param livePath Liveness endpoint path.
     */
    public HealthConfig withLivePath(String livePath) {
        return new HealthConfig(livePath, readyPath, checkTimeout);
    }

    /**
     * {@return a copy with {@code readyPath} replaced}
     *
     * @param readyPath Readiness endpoint path.
     */
    public HealthConfig withReadyPath(String readyPath) {
        return new HealthConfig(livePath, readyPath, checkTimeout);
    }

    /**
     * {@return a copy with {@code checkTimeout} replaced}
     *
     * @param checkTimeout Time a check may take, unless registered with its own.
     */
    public HealthConfig withCheckTimeout(Duration checkTimeout) {
        return new HealthConfig(livePath, readyPath, checkTimeout);
    }

    private static void checkTimeout(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.toMillis() < 1 || value.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field + " must be between 1 ms and " + Integer.MAX_VALUE + " ms: " + value);
        }
    }

    private static void checkPath(String field, String path) {
        Objects.requireNonNull(path, field);
        if (!path.startsWith("/") || path.contains(":") || path.contains("*")) {
            throw new IllegalArgumentException(field + " must be a static path starting with '/': " + path);
        }
    }
}
