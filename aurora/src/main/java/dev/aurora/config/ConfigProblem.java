package dev.aurora.config;

import java.util.Objects;

/**
 * One thing wrong with a configuration.
 *
 * @param source where the value came from: {@code aurora.toml:7}, {@code env AURORA_SERVER_PORT},
 *     {@code system property aurora.server.port}, {@code code} or {@code defaults}; for a file that
 *     cannot be read, the file itself
 * @param key the key path, such as {@code server.port} or {@code db.replicas[1].host}; empty when
 *     the problem is the whole file
 * @param message what is wrong, in words a person can act on
 */
public record ConfigProblem(String source, String key, String message) {
    /** Checks that no component is null. */
    public ConfigProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** @return {@code source: key: message}, without the key when there is none */
    @Override
    public String toString() {
        return key.isEmpty() ? source + ": " + message : source + ": " + key + ": " + message;
    }
}
