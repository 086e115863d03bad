package dev.aurora.examples.hello.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.ServerConfig;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import dev.aurora.examples.hello.HelloApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloConfigTest {
    private static Configuration.Builder sources(Map<String, String> env) {
        // The module's own aurora.toml: surefire runs in the module directory, as the README's command does.
        return Configuration.builder().file(Path.of("aurora.toml")).environment(env).systemProperties(Map.of());
    }

    @Test
    void theShippedFileKeepsTheExamplesDefaults() {
        ServerConfig config = HelloApp.configure(sources(Map.of()));
        assertEquals("127.0.0.1", config.host());
        assertEquals(8080, config.port());
        assertEquals(1024 * 1024, config.maxBodySize());
        assertEquals(Duration.ofSeconds(10), config.headerTimeout());
    }

    @Test
    void environmentBeatsTheFileAndArgumentsBeatEverything() {
        Map<String, String> env = Map.of("AURORA_SERVER_PORT", "9000", "AURORA_SERVER_MAX_BODY_SIZE", "2MiB");
        assertEquals(9000, HelloApp.configure(sources(env)).port());
        assertEquals(2 * 1024 * 1024, HelloApp.configure(sources(env)).maxBodySize());
        ServerConfig withArgs = HelloApp.configure(sources(env), "9100", "0.0.0.0");
        assertEquals(9100, withArgs.port());
        assertEquals("0.0.0.0", withArgs.host());
    }

    @Test
    void aBadArgumentIsAConfigurationErrorNamingItsSource() {
        ConfigException e = assertThrows(ConfigException.class, () -> HelloApp.configure(sources(Map.of()), "http"));
        assertEquals("Invalid configuration: code: server.port: expected a whole number (32-bit), got 'http'", e.getMessage());
        assertTrue(e.problems().getFirst().key().equals("server.port"));
    }
}
