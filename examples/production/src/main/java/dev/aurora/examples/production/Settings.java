package dev.aurora.examples.production;

import dev.aurora.ServerConfig;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Everything the service is configured with, read once at start: the {@code [server]} section
 * (Aurora's {@link ServerConfig}, TLS included) and the {@code [db]} section ({@link DbConfig}).
 *
 * <p>Sources, each beating the one before: {@link #SERVER_DEFAULTS} and {@link DbConfig#defaults()},
 * the file, {@code AURORA_*} environment variables, {@code -Daurora.*} system properties.
 *
 * @param file the configuration file read, or null when the sources named none
 * @param server the server's configuration
 * @param db the database's configuration
 */
public record Settings(Path file, ServerConfig server, DbConfig db) {
    /** The environment variable that names the configuration file when no argument does. */
    public static final String CONFIG_VARIABLE = "AURORA_CONFIG";

    /** What the file does not set: 64 KiB bodies, a 5 s drain and 20 s for requests in flight. */
    public static final ServerConfig SERVER_DEFAULTS = ServerConfig.defaults()
            .withMaxBodySize(64 * 1024)
            .withDrainDelay(Duration.ofSeconds(5))
            .withShutdownTimeout(Duration.ofSeconds(20));

    /**
     * The configuration file: the first argument, else {@value #CONFIG_VARIABLE}, else
     * {@code aurora.toml} in the working directory.
     *
     * @param args the command line
     * @param env the environment
     * @return the file to read
     */
    public static Path file(String[] args, Map<String, String> env) {
        if (args.length > 0) {
            return Path.of(args[0]);
        }
        String named = env.get(CONFIG_VARIABLE);
        return Path.of(named == null || named.isBlank() ? "aurora.toml" : named);
    }

    /**
     * Reads and checks every section. Give the sources a file with {@code file(...)}: a missing
     * file is then an error too, since a production service that silently ran on defaults would
     * hide a broken deployment.
     *
     * @param sources the file, and the environment and system properties unless the process's own
     * @return the settings
     * @throws ConfigException naming the file (or variable, or property), key and problem of every
     *     invalid value
     */
    public static Settings load(Configuration.Builder sources) {
        Configuration config = sources.section("db", DbConfig.class).build();
        Path file = config.file().orElse(null);
        return new Settings(file, config.section("server", ServerConfig.class, SERVER_DEFAULTS),
                config.section("db", DbConfig.class));
    }
}
