package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PercentDecodingTest {

    private static String decode(String raw, boolean plusIsSpace) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[b.length + 3];
        int n = PercentDecoding.decode(b, 0, b.length, plusIsSpace, out, 3);
        return new String(out, 3, n, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "plain|plain|plain",
            "a%20b|a b|a b",
            "a+b|a+b|a b",
            "%2F%2f|//|//",
            "%zz|%zz|%zz",
            "50%|50%|50%",
            "%4|%4|%4",
            "%C3%A9|\u00e9|\u00e9",
    })
    void decodesEscapesAndKeepsMalformedOnes(String raw, String path, String query) {
        assertEquals(path, decode(raw, false));
        assertEquals(query, decode(raw, true));
    }

    @ParameterizedTest
    @CsvSource({"abc,false,3", "a%b,false,1", "a+b,false,3", "a+b,true,1"})
    void firstEscape(String raw, boolean plusIsSpace, int expected) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(expected, PercentDecoding.firstEscape(b, 0, b.length, plusIsSpace));
    }

    @ParameterizedTest
    @CsvSource({"page,page,true", "page,Page,false", "pag,page,false", "pages,page,false"})
    void asciiEquals(String bytes, String text, boolean expected) {
        byte[] b = bytes.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(expected, PercentDecoding.asciiEquals(b, 0, b.length, text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/plain|/plain",
            "/caf\u00c3\u00a9|/caf%C3%A9",
            "/x[1]{\"a\"}|/x[1]{\"a\"}",
            "/%41\u00ff|/%41%FF",
            "\u0080|%80",
    })
    void escapeNonAsciiEncodesOnlyBytesFrom0x80(String raw, String expected) {
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(expected, PercentDecoding.escapeNonAscii(b, 0, b.length));
    }

    @org.junit.jupiter.api.Test
    void nonAsciiBytesNeverEqualAsciiText() {
        byte[] b = {(byte) 0xC3, (byte) 0xA9};
        assertFalse(PercentDecoding.asciiEquals(b, 0, 2, "\u00c3\u00a9"));
        assertFalse(PercentDecoding.isAscii(b, 0, 2));
        assertTrue(PercentDecoding.isAscii(new byte[] {'a'}, 0, 1));
    }
}
