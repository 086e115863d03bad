package dev.aurora.internal.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeFilenameTest {

    @Test
    void directoriesAndDangerousCharactersGo() {
        assertEquals("passwd", SafeFilename.of("../../etc/passwd"));
        assertEquals("cat.png", SafeFilename.of("C:\\Users\\me\\cat.png"));
        assertEquals("ab.txt", SafeFilename.of("a\u0000b\r\n.txt"));
        assertEquals("abc.txt", SafeFilename.of("a<b>c:|?*.txt"));
        assertEquals("evil.txt", SafeFilename.of("evil\u202e.txt"), "bidi override dropped");
        assertEquals("hidden", SafeFilename.of(".hidden"));
        assertEquals("a.txt", SafeFilename.of("a.txt. . "));
        assertEquals("表紙.png", SafeFilename.of("表紙.png"));
    }

    @Test
    void nothingUsableIsTheFallback() {
        for (String s : new String[] {null, "", ".", "..", "/", "dir/", "...", " ", "\u0001"}) {
            assertEquals(SafeFilename.FALLBACK, SafeFilename.of(s), String.valueOf(s));
        }
    }

    @Test
    void longNamesKeepTheirExtensionWithin255Bytes() {
        String name = SafeFilename.of("é".repeat(300) + ".jpeg");
        assertTrue(name.endsWith("é.jpeg"), name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length >= 254, name);
        assertEquals("a".repeat(255), SafeFilename.of("a".repeat(400)));
    }
}
