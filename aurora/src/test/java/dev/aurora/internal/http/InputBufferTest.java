package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection's read buffer: compaction, growth, its limit, and the accounting around them. */
class InputBufferTest {

    private static InputBuffer buffer(ByteSource source, int initial, int max) {
        return new InputBuffer(source, initial, max, () -> {
        });
    }

    @Test
    void compactionKeepsTheHeadReadableWhileTheBodyIsConsumed() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 5_000; i++) {
            body.append(i).append(',');
        }
        String head = "POST /upload?id=7 HTTP/1.1" + CRLF + "Host: example.com" + CRLF + "X-Trace: abc" + CRLF
                + "Content-Length: " + body.length() + CRLF + CRLF;
        String next = "GET /after HTTP/1.1" + CRLF + "Host: b" + CRLF + CRLF;
        Wire.Source source = Wire.source(Wire.bytes(head + body + next), 13);
        int initial = 128;
        InputBuffer in = buffer(source, initial, 1024);
        RequestHead requestHead = new RequestHead(100);
        Wire.Parsed p = Wire.next(in, requestHead, Wire.DEFAULTS).assertOk(head);

        FixedLengthBodyStream stream = Wire.fixed(in, p.head.contentLength());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] small = new byte[5];
        int n;
        while ((n = stream.read(small, 0, small.length)) > 0) {
            got.write(small, 0, n);
            // The head stays readable through every compaction.
            assertEquals("example.com", p.header("Host"));
            assertEquals("abc", p.header("X-Trace"));
            assertEquals("/upload", p.path());
            assertEquals("id=7", p.query());
        }
        assertEquals(body.toString(), got.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertTrue(source.reads > 5_000 / 13, "many fills happened");
        assertTrue(in.array().length <= 256, "consumed body bytes are dropped instead of growing the buffer: "
                + in.array().length);
        assertEquals("example.com", p.header("Host"));

        Wire.Parsed after = Wire.next(in, requestHead, Wire.DEFAULTS).assertOk(next);
        assertEquals("/after", after.path());
        assertEquals("b", after.header("host"));
    }

    @Test
    void headLongerThanTheInitialCapacityGrowsTheBuffer() throws IOException {
        String raw = "GET / HTTP/1.1" + CRLF + "Host: h" + CRLF + "X-Long: " + "v".repeat(300) + CRLF + CRLF;
        InputBuffer in = buffer(Wire.source(Wire.bytes(raw), 1000), 64, 4096);
        Wire.Parsed p = Wire.next(in, new RequestHead(100), Wire.DEFAULTS).assertOk(raw);
        assertEquals("v".repeat(300), p.header("X-Long"));
        assertEquals(512, in.array().length, "64 doubled until the head fits");
    }

    @Test
    void growsByDoublingUpToTheMaximumThen431() throws IOException {
        InputBuffer in = buffer(Wire.source(new byte[10_000], 10_000), 16, 100);
        List<Integer> capacities = new ArrayList<>();
        ProtocolException e = assertThrows(ProtocolException.class, () -> {
            while (true) {
                in.fill(1000);
                capacities.add(in.array().length);
            }
        });
        assertEquals(431, e.status());
        assertEquals(List.of(16, 32, 64, 100), capacities);
        assertEquals(100, in.end());
        assertEquals(100, in.available(), "nothing was lost");
    }

    @Test
    void fullBufferMakesRoomByDroppingConsumedBytes() throws IOException {
        InputBuffer in = buffer(Wire.source(Wire.bytes("0123456789abcdefghij"), 100), 8, 8);
        assertEquals(8, in.fill(1000));
        assertEquals('0', in.read());
        assertEquals('1', in.read());
        in.skip(3);
        assertEquals(3, in.available());
        assertEquals(5, in.fill(1000), "the five consumed bytes are dropped, making room for five more");
        byte[] rest = new byte[10];
        assertEquals(8, in.take(rest, 0, 10));
        assertArrayEquals(Wire.bytes("56789abc"), java.util.Arrays.copyOf(rest, 8));
        assertEquals(8, in.array().length);
    }

    @Test
    void beginRequestRewindsAnEmptyBuffer() throws IOException {
        InputBuffer in = buffer(Wire.source(Wire.bytes("abc"), 100), 16, 16);
        in.fill(1000);
        in.skip(3);
        in.beginRequest();
        assertEquals(0, in.base());
        assertEquals(0, in.pos());
        assertEquals(0, in.end());
    }

    @Test
    void beginRequestKeepsPipelinedBytes() throws IOException {
        InputBuffer in = buffer(Wire.source(Wire.bytes("abcdef"), 100), 16, 16);
        in.fill(1000);
        in.skip(2);
        in.beginRequest();
        assertEquals(2, in.base());
        assertEquals(4, in.available());
        assertEquals('c', in.read());
    }

    @Test
    void readAndTakeAtTheEndOfTheBufferedBytes() throws IOException {
        InputBuffer in = buffer(Wire.source(Wire.bytes("ab"), 100), 16, 16);
        assertEquals(-1, in.read(), "nothing buffered yet");
        assertEquals(0, in.take(new byte[4], 0, 4));
        in.fill(1000);
        assertEquals(2, in.take(new byte[4], 1, 3));
        assertEquals(-1, in.read());
        assertEquals(-1, in.fill(1000));
    }

    @Test
    void bytesReadCountsBufferedAndDirectReads() throws IOException {
        InputBuffer in = buffer(Wire.source(new byte[50], 20), 16, 16);
        assertEquals(16, in.fill(1000));
        in.skip(16);
        assertEquals(20, in.readDirect(new byte[30], 0, 30, 1000));
        assertEquals(14, in.readDirect(new byte[30], 0, 30, 1000));
        assertEquals(-1, in.readDirect(new byte[30], 0, 30, 1000));
        assertEquals(50, in.bytesRead());
    }

    @Test
    void beforeReadRunsBeforeEveryBlockingRead() throws IOException {
        List<String> events = new ArrayList<>();
        Wire.Source source = Wire.source(Wire.bytes("abcdef"), 2);
        ByteSource logging = (b, off, len, timeout) -> {
            events.add("read");
            return source.read(b, off, len, timeout);
        };
        InputBuffer in = new InputBuffer(logging, 16, 16, () -> events.add("flush"));
        in.fill(1000);
        in.skip(2);
        in.readDirect(new byte[4], 0, 4, 1000);
        assertEquals(List.of("flush", "read", "flush", "read"), events);
    }

    @Test
    void timeoutIsPassedToTheSource() throws IOException {
        Wire.Source source = Wire.source(Wire.bytes("abc"), 1);
        InputBuffer in = buffer(source, 16, 16);
        in.fill(1234);
        in.skip(1);
        in.readDirect(new byte[1], 0, 1, 77);
        assertEquals(List.of(1234, 77), source.timeouts);
    }
}
