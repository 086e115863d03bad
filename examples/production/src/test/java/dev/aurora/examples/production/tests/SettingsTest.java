package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import dev.aurora.examples.production.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped aurora.toml, the overrides, where the file comes from, and the errors an operator sees. */
class SettingsTest {
    @TempDir
    Path dir;

    private static Settings load(Path file, Map<String, String> env) {
        return Settings.load(Configuration.builder().file(file).environment(env).systemProperties(Map.of()));
    }

    @Test
    void theShippedFileBindsEverySection() {
        Settings settings = Shipped.settings(Map.of());
        assertEquals(8080, settings.server().port());
        assertEquals(Duration.ofSeconds(5), settings.server().drainDelay());
        assertEquals(Duration.ofSeconds(20), settings.server().shutdownTimeout());
        assertEquals(64 * 1024, settings.server().maxBodySize());
        assertNull(settings.server().tls());
        assertEquals(8, settings.db().poolSize());
        assertEquals(Duration.ofSeconds(2), settings.db().connectionTimeout());
    }

    @Test
    void theEnvironmentBeatsTheFileAndTheConfigVariableIsNoKey() {
        Settings settings = Shipped.settings(Map.of("AURORA_SERVER_PORT", "9090", "AURORA_DB_POOL_SIZE", "4",
                "AURORA_SERVER_DRAIN_DELAY", "1s", Settings.CONFIG_VARIABLE, "/etc/elsewhere.toml"));
        assertEquals(9090, settings.server().port());
        assertEquals(4, settings.db().poolSize());
        assertEquals(Duration.ofSeconds(1), settings.server().drainDelay());
    }

    @Test
    void theFileIsTheArgumentElseTheVariableElseTheWorkingDirectorys() {
        assertEquals(Path.of("/srv/a.toml"), Settings.file(new String[] {"/srv/a.toml"}, Map.of(Settings.CONFIG_VARIABLE, "/x")));
        assertEquals(Path.of("/x"), Settings.file(new String[0], Map.of(Settings.CONFIG_VARIABLE, "/x")));
        assertEquals(Path.of("aurora.toml"), Settings.file(new String[0], Map.of()));
    }

    @Test
    void everyMistakeIsReportedWithItsFileLineKeyAndProblem() throws IOException {
        Path file = Files.writeString(dir.resolve("aurora.toml"), """
                [server]
                port = 8080
                drain_delay = 5

                [db]
                url = "jdbc:h2:mem:x"
                pool_size = 0
                pool = 8
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(file, Map.of("AURORA_SERVER_SHUTDOWN_TIMEOUT", "soon")));
        assertEquals("""
                Invalid configuration (4 problems):
                  env AURORA_SERVER_SHUTDOWN_TIMEOUT: server.shutdownTimeout: expected a duration such as 30s, 250ms, 1h30m or PT30S, got 'soon'
                  %1$s:3: server.drainDelay: expected a duration such as 30s, 250ms, 1h30m or PT30S, got 5 (a number needs a unit)
                  %1$s:8: db.pool: unknown key (did you mean poolSize?)
                  %1$s:7: db.poolSize: must be between 1 and 64""".formatted(file), e.getMessage());
    }

    @Test
    void aMissingFileIsAnErrorNotASilentStartOnDefaults() {
        Path missing = dir.resolve("nowhere.toml");
        ConfigException e = assertThrows(ConfigException.class, () -> load(missing, Map.of()));
        assertEquals(missing + ": file not found (looked for " + missing.toAbsolutePath() + ")", e.problems().getFirst().toString());
    }
}
