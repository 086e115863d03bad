package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing rules of the response parser. */
class ResponseParserTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void contentLengthBody() {
        TestResponse r = ResponseParser.parseOne(b("HTTP/1.1 201 Created\r\nContent-Length: 2\r\nX-A: 1\r\nx-a: 2\r\n\r\nok"), false);
        assertEquals(201, r.status());
        assertEquals("HTTP/1.1 201 Created", r.statusLine());
        assertEquals("ok", r.bodyString());
        assertEquals("1", r.header("X-A"));
        assertEquals(List.of("1", "2"), r.headers("x-A"));
    }

    @Test
    void chunkedBodyIsDecoded() {
        TestResponse r = ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "3\r\nabc\r\na;ext=1\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\n"), false);
        assertEquals("abc0123456789", r.bodyString());
    }

    @Test
    void bodyUntilEndWithoutFraming() {
        assertEquals("rest", ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\n\r\nrest"), false).bodyString());
    }

    @Test
    void headResponseHasNoBody() {
        TestResponse r = ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"), true);
        assertEquals(0, r.body().length);
    }

    @Test
    void noContentHasNoBody() {
        List<TestResponse> all = ResponseParser.parseAll(b("HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx"));
        assertEquals(2, all.size());
        assertEquals("x", all.get(1).bodyString());
    }

    @Test
    void framingErrorsAreCaught() {
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\nContent-Length: 0\r\n\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nab"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nBad Header\r\n\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/2 200 OK\r\n\r\n"), false));
        assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(b("HTTP/1.1 200 OK\r\nX: 1"), false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResponseParser.parseOne(new byte[0], false));
        assertTrue(e.getMessage().contains("Incomplete"), e.getMessage());
    }

    @Test
    void rawModeRejectsATruncatedBodyThatIsNotHead() {
        assertThrows(IllegalArgumentException.class,
                () -> ResponseParser.parseAll(b("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc")));
    }
}
