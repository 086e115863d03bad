package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A body framed by Content-Length: exactly that many bytes, then the next request. */
class FixedLengthBodyTest {
    private static final String NEXT = "GET /next HTTP/1.1" + CRLF + "Host: h" + CRLF + CRLF;

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsExactlyContentLengthBytesAndLeavesTheNextRequest() throws IOException {
        String raw = "POST /a HTTP/1.1" + CRLF + "Host: h" + CRLF + "Content-Length: 11" + CRLF + CRLF + "hello world" + NEXT;
        for (int piece = 1; piece <= 9; piece++) {
            InputBuffer in = Wire.buffer(raw, piece);
            RequestHead head = new RequestHead(100);
            Wire.Parsed p = Wire.next(in, head, Wire.DEFAULTS).assertOk(raw);
            assertEquals(BodyFraming.LENGTH, p.head.bodyFraming());
            FixedLengthBodyStream body = Wire.fixed(in, p.head.contentLength());
            assertFalse(body.finished());
            assertEquals("hello world", text(body.readAllBytes()), "piece " + piece);
            assertTrue(body.finished());
            assertEquals(-1, body.read());
            Wire.Parsed next = Wire.next(in, head, Wire.DEFAULTS).assertOk(raw);
            assertEquals("/next", next.path());
            assertEquals(Wire.EOF, Wire.next(in, head, Wire.DEFAULTS).status);
        }
    }

    @Test
    void bodyBytesThatLookLikeARequestAreJustData() throws IOException {
        String smuggled = "GET /admin HTTP/1.1" + CRLF + "Host: h" + CRLF + CRLF;
        InputBuffer in = Wire.buffer(smuggled + NEXT, 4);
        assertEquals(smuggled, text(Wire.fixed(in, smuggled.length()).readAllBytes()));
        Wire.Parsed next = Wire.next(in, new RequestHead(100), Wire.DEFAULTS).assertOk(NEXT);
        assertEquals("/next", next.path());
    }

    @Test
    void readNeverReturnsMoreThanTheRemainingLength() throws IOException {
        InputBuffer in = Wire.buffer("abcdefXYZ", 100);
        FixedLengthBodyStream body = Wire.fixed(in, 6);
        byte[] buf = new byte[100];
        assertEquals(4, body.read(buf, 0, 4));
        assertEquals(2, body.available());
        assertEquals(2, body.read(buf, 4, 96));
        assertEquals("abcdef", new String(buf, 0, 6, StandardCharsets.ISO_8859_1));
        assertEquals(-1, body.read(buf, 0, 100));
        assertEquals(0, body.available());
        assertEquals(3, in.available(), "the next request's bytes stay buffered");
    }

    @Test
    void zeroLengthReadReturnsZero() throws IOException {
        FixedLengthBodyStream body = Wire.fixed(Wire.buffer("abc", 100), 3);
        assertEquals(0, body.read(new byte[3], 0, 0));
        assertEquals("abc", text(body.readAllBytes()));
    }

    @Test
    void emptyBodyIsFinishedAtOnce() throws IOException {
        FixedLengthBodyStream body = Wire.fixed(Wire.buffer("", 100), 0);
        assertTrue(body.finished());
        assertEquals(-1, body.read());
        assertTrue(body.drain(0));
    }

    @Test
    void largeReadsGoStraightIntoTheCallersArray() throws IOException {
        byte[] data = new byte[100_000];
        new Random(42).nextBytes(data);
        Wire.Source source = Wire.source(data, 30_000);
        InputBuffer in = Wire.buffer(source, Wire.DEFAULTS);
        FixedLengthBodyStream body = Wire.fixed(in, data.length);
        byte[] out = new byte[data.length];
        int got = 0;
        while (got < data.length) {
            int n = body.read(out, got, data.length - got);
            assertTrue(n > 0);
            got += n;
        }
        assertArrayEquals(data, out);
        assertTrue(body.finished());
        assertEquals(data.length, in.bytesRead());
        assertTrue(in.array().length < 30_000, "direct reads must not grow the connection buffer");
        assertEquals(4, source.reads, "one read per 30000-byte piece, no copies through the buffer");
    }

    @Test
    void bufferedBytesAreServedBeforeDirectReads() throws IOException {
        byte[] data = new byte[20_000];
        new Random(7).nextBytes(data);
        byte[] head = Wire.bytes("POST / HTTP/1.1" + CRLF + "Host: h" + CRLF + "Content-Length: 20000" + CRLF + CRLF);
        byte[] raw = new byte[head.length + data.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(data, 0, raw, head.length, data.length);
        InputBuffer in = Wire.buffer(Wire.source(raw, 5_000), Wire.DEFAULTS);
        Wire.Parsed p = Wire.next(in, new RequestHead(100), Wire.DEFAULTS).assertOk("head");
        FixedLengthBodyStream body = Wire.fixed(in, p.head.contentLength());
        assertArrayEquals(data, body.readAllBytes());
        assertTrue(body.finished());
    }

    @Test
    void endOfStreamBeforeTheEndIsEofException() {
        for (int piece : new int[] {1, 3, 100}) {
            FixedLengthBodyStream body = Wire.fixed(Wire.buffer("hello", piece), 10);
            assertThrows(EOFException.class, body::readAllBytes);
            assertFalse(body.finished());
        }
    }

    @Test
    void endOfStreamDuringALargeDirectReadIsEofException() throws IOException {
        FixedLengthBodyStream body = Wire.fixed(Wire.buffer(new byte[10_000], 10_000), 20_000);
        byte[] buf = new byte[20_000];
        assertEquals(10_000, body.read(buf, 0, buf.length));
        assertThrows(EOFException.class, () -> body.read(buf, 0, buf.length));
    }

    @Test
    void drainableTellsWhetherTheRestFitsTheBudget() throws IOException {
        FixedLengthBodyStream body = Wire.fixed(Wire.buffer("0123456789", 100), 10);
        assertTrue(body.drainable(10));
        assertTrue(body.drainable(11));
        assertFalse(body.drainable(9));
        assertEquals(4, body.read(new byte[4], 0, 4));
        assertTrue(body.drainable(6));
        assertFalse(body.drainable(5));
    }

    @Test
    void drainDiscardsTheRestAndKeepsTheNextRequest() throws IOException {
        InputBuffer in = Wire.buffer("x".repeat(1000) + NEXT, 7);
        FixedLengthBodyStream body = Wire.fixed(in, 1000);
        assertEquals('x', body.read());
        assertTrue(body.drain(999));
        assertTrue(body.finished());
        assertEquals("/next", Wire.next(in, new RequestHead(100), Wire.DEFAULTS).assertOk(NEXT).path());
    }

    @Test
    void drainRefusesABodyOverTheBudgetWithoutReading() throws IOException {
        Wire.Source source = Wire.source(Wire.bytes("x".repeat(1000)), 7);
        InputBuffer in = Wire.buffer(source, Wire.DEFAULTS);
        FixedLengthBodyStream body = Wire.fixed(in, 1000);
        assertFalse(body.drain(999));
        assertFalse(body.finished());
        assertEquals(0, source.reads);
    }

    @Test
    void drainAtEndOfStreamReportsFailure() throws IOException {
        FixedLengthBodyStream body = Wire.fixed(Wire.buffer("abc", 2), 10);
        assertFalse(body.drain(100));
        assertFalse(body.finished());
    }

    @Test
    void restartReusesTheStream() throws IOException {
        InputBuffer in = Wire.buffer("abcde", 2);
        FixedLengthBodyStream body = Wire.fixed(in, 2);
        assertEquals("ab", text(body.readAllBytes()));
        assertEquals("cde", text(body.restart(3).readAllBytes()));
        assertTrue(body.finished());
    }
}
