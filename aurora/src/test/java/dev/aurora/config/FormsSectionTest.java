package dev.aurora.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.FormConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code [forms]} section binds {@link FormConfig} like every other section: byte sizes, overrides, errors. */
class FormsSectionTest {
    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("aurora.toml"), content);
    }

    @Test
    void everyLimitBindsFromTheFileWithByteSizesAndTheEnvironmentWins() throws IOException {
        Path file = write("""
                [forms]
                max_parts = 50
                max_files = 3
                max_field_size = "8KiB"
                max_file_size = "50MiB"
                max_part_header_size = "2KiB"
                memory_threshold = "64KiB"
                temp_directory = "/var/tmp/uploads"
                """);
        FormConfig forms = Configuration.builder().file(file)
                .environment(Map.of("AURORA_FORMS_MAX_FILES", "5", "AURORA_FORMS_MAX_FIELD_SIZE", "1KiB"))
                .systemProperties(Map.of()).build().forms();
        assertEquals(new FormConfig(50, 5, 1024, 50L * 1024 * 1024, 2048, 64 * 1024, Path.of("/var/tmp/uploads")), forms);
    }

    @Test
    void anAbsentSectionGivesTheDefaults() {
        assertEquals(FormConfig.defaults(),
                Configuration.builder().environment(Map.of()).systemProperties(Map.of()).build().forms());
    }

    @Test
    void unknownKeysAndInvalidValuesNameFileKeyAndProblem() throws IOException {
        Path file = write("""
                [forms]
                max_file = 1
                max_fields_size = "1KiB"
                max_part_header_size = 10
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> Configuration.builder().file(file)
                .environment(Map.of("AURORA_FORMS_MEMORY_THRESHOLD", "lots")).systemProperties(Map.of()).build());
        assertEquals(List.of(
                new ConfigProblem(file + ":2", "forms.max_file", "unknown key (did you mean maxFiles?)"),
                new ConfigProblem(file + ":3", "forms.max_fields_size", "unknown key (did you mean maxFieldSize?)"),
                new ConfigProblem("env AURORA_FORMS_MEMORY_THRESHOLD", "forms.memoryThreshold",
                        "expected a whole number (32-bit), got 'lots'"),
                new ConfigProblem(file + ":4", "forms.maxPartHeaderSize", "must be at least 64: 10")), e.problems());
    }
}
