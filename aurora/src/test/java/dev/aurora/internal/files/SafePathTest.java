package dev.aurora.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafePathTest {
    @Test
    void splitsOnSlashesAndSkipsEmptyNames() {
        assertEquals(List.of("css", "site.css"), SafePath.segments("css/site.css", false));
        assertEquals(List.of("a", "b"), SafePath.segments("/a//b/", false));
        assertEquals(List.of(), SafePath.segments("", false));
        assertEquals(List.of("v1.2", "file..name"), SafePath.segments("v1.2/file..name", false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../b", "./a", "a/.", "a\\..\\b", "C:", "c:/x", "a\u0000b", "a\nb", "a\u007fb", ".git/config", ".env"})
    void refuses(String path) {
        assertNull(SafePath.segments(path, false), path);
    }

    @Test
    void dotFilesOnlyWhenAllowedExceptWellKnown() {
        assertEquals(List.of(".well-known", "security.txt"), SafePath.segments(".well-known/security.txt", false));
        assertEquals(List.of(".env"), SafePath.segments(".env", true));
        assertNull(SafePath.segments("..", true));
    }
}
