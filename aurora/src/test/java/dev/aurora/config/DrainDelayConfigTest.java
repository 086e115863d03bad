package dev.aurora.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code server.drain_delay} from a file: a duration that, unlike the timeouts, may be zero. */
class DrainDelayConfigTest {
    @TempDir
    Path dir;

    private Aurora load(String drainDelay) throws Exception {
        Path file = dir.resolve("aurora.toml");
        Files.writeString(file, "[server]\ndrain_delay = \"" + drainDelay + "\"\n");
        return Aurora.fromConfig(file);
    }

    @Test
    void drainDelayIsReadFromTheFileAndZeroMeansNone() throws Exception {
        assertEquals(Duration.ofSeconds(5), load("5s").config().drainDelay());
        assertEquals(Duration.ZERO, load("0s").config().drainDelay());
    }

    @Test
    void aNegativeDrainDelayIsRefusedNamingTheKey() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("-1s"));
        assertTrue(e.getMessage().contains("drain"), e::getMessage);
    }
}
