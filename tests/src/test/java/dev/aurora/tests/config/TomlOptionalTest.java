package dev.aurora.tests.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TOML is optional: without its jar, JSON configuration and start-up work and a .toml file names the artifact to add. */
class TomlOptionalTest {
    @TempDir
    Path dir;

    @Test
    void aTomlFileWithoutTheTomlJarNamesTheArtifact() throws Exception {
        Path toml = Files.writeString(dir.resolve("app.toml"), "[server]\nport = 9091\n");
        Path json = Files.writeString(dir.resolve("app.json"), "{\"server\": {\"port\": 9092}}");
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("jackson-dataformat-toml"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(System.getProperty("java.class.path").contains("jackson-dataformat-toml"), "the test itself has it");
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, WithoutTomlMain.class.getName(), toml.toString(), json.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("json port 9092"), out);
        assertTrue(out.contains("toml refused: Invalid configuration: " + toml + ": is TOML, which needs com.fasterxml.jackson.dataformat:"
                + "jackson-dataformat-toml:"), out);
        assertTrue(out.contains("started true"), out);
    }
}
