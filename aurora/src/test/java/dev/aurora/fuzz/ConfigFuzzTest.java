package dev.aurora.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aurora.config.ConfigException;
import dev.aurora.config.ConfigProblem;
import dev.aurora.config.Configuration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Configuration files: arbitrary bytes as {@code aurora.toml}, loaded and bound to the two
 * sections Aurora reads ({@code server}, {@code json}) with no environment or system properties in
 * play. A file either yields both configurations or fails with a {@link ConfigException} whose
 * message names the file, since every value in play came from it; never another exception.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConfigFuzzTest {
    /** One file, rewritten for each input: the name is what the messages must mention. */
    private static final Path FILE = tempFile();

    @FuzzTest
    void loadToml(byte[] text) throws IOException {
        Files.write(FILE, text);
        try {
            Configuration config = Configuration.builder()
                    .file(FILE)
                    .environment(Map.of())
                    .systemProperties(Map.of())
                    .build();
            assertNotNull(config.server());
            assertNotNull(config.json());
        } catch (ConfigException e) {
            assertFalse(e.problems().isEmpty(), "no problems listed");
            assertTrue(e.getMessage().contains(FILE.toString()), () -> "message does not name the file: " + e.getMessage());
            for (ConfigProblem problem : e.problems()) {
                assertTrue(problem.source().startsWith(FILE.toString()), () -> "problem from elsewhere: " + problem);
            }
        }
    }

    private static Path tempFile() {
        try {
            Path dir = Files.createTempDirectory("aurora-config-fuzz");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("aurora.toml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
