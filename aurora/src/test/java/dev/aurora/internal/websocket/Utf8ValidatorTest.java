package dev.aurora.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8ValidatorTest {
    private static byte[] hex(String s) {
        String[] parts = s.split(" ");
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    @Test
    void acceptsEveryWellFormedText() {
        byte[] text = "a é € 𝄞 \u0000 \uFFFF \uD7FF \uE000".getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8Validator.valid(text, 0, text.length));
        assertTrue(Utf8Validator.valid(hex("F4 8F BF BF"), 0, 4), "U+10FFFF is the last code point");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "80",           // a lone continuation byte
        "C0 AF",        // overlong '/'
        "C1 BF",        // overlong
        "E0 80 AF",     // overlong, three bytes
        "F0 80 80 AF",  // overlong, four bytes
        "ED A0 80",     // a surrogate, U+D800
        "ED BF BF",     // a surrogate, U+DFFF
        "F4 90 80 80",  // past U+10FFFF
        "F5 80 80 80",  // never a lead byte
        "FF",
        "E2 28 A1",     // a bad second byte
        "E2 82 28"})    // a bad third byte
    void refusesMalformedSequences(String bytes) {
        byte[] b = hex(bytes);
        assertFalse(Utf8Validator.valid(b, 0, b.length), bytes);
    }

    @Test
    void aCharacterMaySpanPieces() {
        byte[] clef = "𝄞".getBytes(StandardCharsets.UTF_8);
        Utf8Validator v = new Utf8Validator();
        for (byte b : clef) {
            assertTrue(v.feed(new byte[] {b}, 0, 1));
        }
        assertTrue(v.complete());
    }

    @Test
    void aTextMayNotEndInsideACharacter() {
        Utf8Validator v = new Utf8Validator();
        assertTrue(v.feed(hex("E2 82"), 0, 2));
        assertFalse(v.complete());
        assertTrue(v.complete(), "complete() resets for the next text");
    }

    @Test
    void anInvalidByteFailsAtOnceNotAtTheEnd() {
        Utf8Validator v = new Utf8Validator();
        assertTrue(v.feed(hex("F0 9D"), 0, 2));
        assertFalse(v.feed(hex("41"), 0, 1));
    }
}
