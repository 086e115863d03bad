package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken configuration stops the packaged service at start: exit code 2 and Aurora's message, no stack trace. */
class ConfigErrorIT {
    @TempDir
    Path dir;

    @Test
    void aBadValueEndsTheProcessWithTheFileLineKeyAndProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("aurora.toml"), "[server]\nmax_connections = \"many\"\n");
        try (PackagedApp service = PackagedApp.jar(Map.of(), file.toString())) {
            assertEquals(2, service.awaitExit());
            assertEquals("Invalid configuration: " + file + ":2: server.maxConnections: expected a whole number (32-bit), got 'many'",
                    service.stderr());
        }
    }

    @Test
    void theConfigVariableNamesTheFileAndAMissingOneIsAnError() throws Exception {
        Path missing = dir.resolve("missing.toml");
        try (PackagedApp service = PackagedApp.jar(Map.of("AURORA_CONFIG", missing.toString()))) {
            assertEquals(2, service.awaitExit());
            assertEquals("Invalid configuration: " + missing + ": file not found (looked for " + missing + ")",
                    service.stderr());
        }
    }
}
