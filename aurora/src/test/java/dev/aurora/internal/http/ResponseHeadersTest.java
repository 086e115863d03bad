package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response headers: validated when added (no response splitting), encoded as Latin-1 lines. */
class ResponseHeadersTest {

    private static String encode(ResponseHeaders headers) throws IOException {
        OutputBufferTest.Socket socket = new OutputBufferTest.Socket();
        OutputBuffer out = new OutputBuffer(socket, 64);
        headers.writeTo(out);
        out.flush();
        return socket.all();
    }

    @Test
    void headersAreWrittenInOrderAsNameColonSpaceValueCrlf() throws IOException {
        ResponseHeaders headers = new ResponseHeaders();
        headers.add("Content-Type", "text/plain; charset=utf-8");
        headers.add("X-Empty", "");
        headers.add("Set-Cookie", "a=1");
        headers.add("Set-Cookie", "b=2");
        assertEquals("Content-Type: text/plain; charset=utf-8\r\nX-Empty: \r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\n",
                encode(headers));
        assertEquals(4, headers.size());
        assertEquals("Set-Cookie", headers.name(3));
        assertEquals("b=2", headers.value(3));
    }

    @Test
    void latin1ValuesAndTabsAreAllowed() throws IOException {
        ResponseHeaders headers = new ResponseHeaders();
        headers.add("X-Latin", "caf\u00e9\tna\u00efve \u00ff");
        assertEquals("X-Latin: caf\u00e9\tna\u00efve \u00ff\r\n", encode(headers));
    }

    @Test
    void everyTokenCharacterIsAllowedInNames() {
        new ResponseHeaders().add("!#$%&'*+-.^_`|~09AZaz", "v");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nX-Injected: 1", "\r\n\r\n<html>", "a\u0000b", "\u0001", "\u001f",
            "\u007f", "\u000b", "\u20ac", "\u0100", "\ud83d\ude00", "\n"})
    void valuesWithControlsOrNonLatin1AreRefused(String value) {
        ResponseHeaders headers = new ResponseHeaders();
        assertThrows(IllegalArgumentException.class, () -> headers.add("X-Test", value));
        assertEquals(0, headers.size(), "nothing is added");
    }

    @Test
    void aNonLatin1ValueIsRefusedNamingHeaderCharacterPositionAndWhatToUse() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResponseHeaders().add("Content-Disposition", "attachment; filename=\"表紙.png\""));
        assertEquals("Invalid character U+8868 '表' at index 22 in the value of response header Content-Disposition: "
                + "a header value is Latin-1 on the wire; use ContentDisposition.attachment(...) for file names, "
                + "or percent-encode the value (URLEncoder, RFC 8187 for parameters)", e.getMessage());
    }

    @Test
    void aControlCharacterIsNamedWithoutBeingPrinted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResponseHeaders().add("X-Next", "a\r\nX-Injected: 1"));
        assertEquals("Invalid character U+000D (CR) at index 1 in the value of response header X-Next: CR, LF, NUL "
                + "and other control characters (except HTAB) are not allowed, they would split or end the header",
                e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ResponseHeaders().add("X", "\u0000"))
                .getMessage().startsWith("Invalid character U+0000 (NUL) at index 0 "));
    }

    @Test
    void aBadNameIsNamedWithItsCharacterAndPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ResponseHeaders().add("X\nBad Name", "v"));
        assertEquals("Invalid character U+000A (LF) at index 1 of response header name 'X\\u000aBad Name': a name is "
                + "a token of letters, digits and !#$%&'*+-.^_`|~", e.getMessage());
    }

    @Test
    void replacingAValueChecksItToo() {
        ResponseHeaders headers = new ResponseHeaders();
        headers.add("Vary", "Accept");
        assertThrows(IllegalArgumentException.class, () -> headers.value(0, "Accept\u2028"));
        assertEquals("Accept", headers.value(0));
    }

    @Test
    void nullValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseHeaders().add("X-Test", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "a:b", "X-A:", "a\rb", "a\nb", "a\u0000", "(x)", "a\"b", "a/b", "a,b",
            "a;b", "a=b", "a?b", "a@b", "a[b", "a]b", "a{b", "a}b", "a\\b", "\u00e9", "\u20ac", "a\tb", "\u007f"})
    void nonTokenNamesAreRefused(String name) {
        ResponseHeaders headers = new ResponseHeaders();
        assertThrows(IllegalArgumentException.class, () -> headers.add(name, "v"));
        assertEquals(0, headers.size());
    }

    @Test
    void nullNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ResponseHeaders().add(null, "v"));
    }

    @Test
    void containsIsCaseInsensitive() {
        ResponseHeaders headers = new ResponseHeaders();
        headers.add("Content-Length", "5");
        assertTrue(headers.contains("content-length"));
        assertTrue(headers.contains("CONTENT-LENGTH"));
        assertFalse(headers.contains("Content-Type"));
    }

    @Test
    void growsBeyondItsInitialCapacityAndClears() throws IOException {
        ResponseHeaders headers = new ResponseHeaders();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            headers.add("X-" + i, Integer.toString(i));
            expected.append("X-").append(i).append(": ").append(i).append("\r\n");
        }
        assertEquals(50, headers.size());
        assertEquals(expected.toString(), encode(headers));
        headers.clear();
        assertEquals(0, headers.size());
        assertFalse(headers.contains("X-1"));
        assertNull(headers.name(0));
        assertEquals("", encode(headers));
    }
}
