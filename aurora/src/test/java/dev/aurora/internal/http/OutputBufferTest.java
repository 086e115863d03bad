package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write side: number encoding, buffering, large-write bypass, flush accounting, failure. */
class OutputBufferTest {

    /** Each slice restarts the write-timeout clock, so a large body to a steady reader is not cut off. */
    @Test
    void largeWritesGoOutInSlicesEachWithItsOwnStartTime() throws IOException {
        List<Integer> sizes = new ArrayList<>();
        List<Long> starts = new ArrayList<>();
        OutputBuffer[] holder = new OutputBuffer[1];
        OutputStream recording = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("single-byte write");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sizes.add(len);
                starts.add(holder[0].writeStartedNanos());
            }
        };
        OutputBuffer out = new OutputBuffer(recording, 1024);
        holder[0] = out;
        out.write(new byte[200 * 1024]);
        assertEquals(List.of(65536, 65536, 65536, 8192), sizes);
        assertTrue(starts.stream().allMatch(t -> t != 0), "every slice is timed");
        assertEquals(0, out.writeStartedNanos(), "no write in progress afterwards");
        assertEquals(200 * 1024, out.bytesWritten());
        assertEquals(1, out.flushes(), "one logical write");
    }


    /** Records every socket write separately. */
    static final class Socket extends OutputStream {
        final List<byte[]> writes = new ArrayList<>();

        @Override
        public void write(int b) {
            throw new AssertionError("single-byte socket writes are not expected");
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writes.add(java.util.Arrays.copyOfRange(b, off, off + len));
        }

        String all() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writes.forEach(out::writeBytes);
            return out.toString(StandardCharsets.ISO_8859_1);
        }

        List<Integer> sizes() {
            return writes.stream().map(w -> w.length).toList();
        }
    }

    private final Socket socket = new Socket();

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 99, 100, 12345, 1_000_000_007L, Integer.MAX_VALUE, 1L << 40, Long.MAX_VALUE})
    void writeDecimal(long value) throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 64);
        out.write('<');
        out.writeDecimal(value);
        out.write('>');
        out.flush();
        assertEquals("<" + value + ">", socket.all());
    }

    @Test
    void writeDecimalRefusesNegatives() {
        OutputBuffer out = new OutputBuffer(socket, 64);
        assertThrows(IllegalArgumentException.class, () -> out.writeDecimal(-1));
        assertThrows(IllegalArgumentException.class, () -> out.writeDecimal(Long.MIN_VALUE));
    }

    @Test
    void writeDecimalFlushesFirstWhenTheNumberMightNotFit() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 32);
        out.write(new byte[20]);
        out.writeDecimal(Long.MAX_VALUE);
        assertEquals(List.of(20), socket.sizes());
        assertEquals(19, out.pending());
        out.flush();
        assertTrue(socket.all().endsWith(Long.toString(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 9, 10, 15, 16, 255, 256, 0x1000, 0xABCDEF, Integer.MAX_VALUE, -1, Integer.MIN_VALUE})
    void writeHexIsLowerCaseWithoutLeadingZeros(int value) throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 64);
        out.writeHex(value);
        out.flush();
        assertEquals(Integer.toHexString(value), socket.all());
    }

    @Test
    void writeHexFlushesFirstWhenTheNumberMightNotFit() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(new byte[10]);
        out.writeHex(0xFFFFFFFF);
        assertEquals(List.of(10), socket.sizes());
        assertEquals(8, out.pending());
    }

    @Test
    void smallWritesStayBufferedUntilFlush() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 64);
        out.write(Ascii.bytes("HTTP/1.1 200 OK"));
        out.crlf();
        out.write(Ascii.bytes("abc"), 1, 2);
        assertEquals(0, socket.writes.size());
        assertEquals(0, out.flushes());
        assertEquals(19, out.pending());
        out.flush();
        assertEquals("HTTP/1.1 200 OK\r\nbc", socket.all());
        assertEquals(1, out.flushes());
        assertEquals(19, out.bytesWritten());
        assertEquals(0, out.pending());
    }

    @Test
    void flushWithNothingPendingWritesNothing() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 64);
        out.flush();
        out.flush();
        assertEquals(0, out.flushes());
        assertTrue(socket.writes.isEmpty());
    }

    @Test
    void exactFitDoesNotFlush() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(new byte[10]);
        out.write(new byte[6]);
        assertEquals(0, out.flushes());
        assertEquals(16, out.pending());
    }

    @Test
    void singleByteWriteIntoAFullBufferFlushes() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 4);
        for (char c : "abcdef".toCharArray()) {
            out.write(c);
        }
        assertEquals(List.of(4), socket.sizes());
        out.flush();
        assertEquals("abcdef", socket.all());
    }

    @Test
    void mediumWriteThatDoesNotFitFillsFlushesAndKeepsTheRest() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(Ascii.bytes("0123456789"));
        out.write(Ascii.bytes("abcdefg"));
        assertEquals(List.of(16), socket.sizes(), "one full-buffer write");
        assertEquals("0123456789abcdef", socket.all());
        assertEquals(1, out.pending());
        out.flush();
        assertEquals("0123456789abcdefg", socket.all());
    }

    @Test
    void largeWriteBypassesTheBuffer() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(Ascii.bytes("abc"));
        byte[] large = Ascii.bytes("L".repeat(40));
        out.write(large, 0, large.length);
        assertEquals(List.of(3, 40), socket.sizes(), "pending bytes first, then the large array as it is");
        assertEquals(0, out.pending());
        assertEquals(2, out.flushes());
        assertEquals(43, out.bytesWritten());
        assertEquals("abc" + "L".repeat(40), socket.all());
    }

    @Test
    void largeWriteIntoAnEmptyBufferIsOneSocketWrite() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(new byte[100], 0, 100);
        assertEquals(List.of(100), socket.sizes());
        assertEquals(1, out.flushes());
    }

    @Test
    void halfTheCapacityIsAlreadyALargeWrite() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(new byte[10]);
        out.write(new byte[8]);
        assertEquals(List.of(10, 8), socket.sizes());
    }

    @Test
    void writeLatin1MapsEveryCharToOneByte() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.writeLatin1("a\u00e9\u00ff");
        out.flush();
        assertArrayEquals(new byte[] {'a', (byte) 0xE9, (byte) 0xFF}, socket.writes.get(0));
    }

    @Test
    void writeLatin1LongerThanTheBuffer() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(Ascii.bytes("xy"));
        String s = "0123456789".repeat(4);
        out.writeLatin1(s);
        out.flush();
        assertEquals("xy" + s, socket.all());
        assertTrue(socket.writes.stream().allMatch(w -> w.length <= 16));
    }

    @Test
    void writeLatin1ThatDoesNotFitFlushesFirst() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 16);
        out.write(Ascii.bytes("0123456789"));
        out.writeLatin1("abcdefgh");
        assertEquals(List.of(10), socket.sizes());
        assertEquals(8, out.pending());
    }

    @Test
    void crlfIntoAnAlmostFullBufferFlushes() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 8);
        out.write(new byte[7]);
        out.crlf();
        assertEquals(List.of(7), socket.sizes());
        out.flush();
        assertEquals("\r\n", text(socket.writes.get(1)));
    }

    @Test
    void truncateDropsBufferedBytes() throws IOException {
        OutputBuffer out = new OutputBuffer(socket, 64);
        out.write(Ascii.bytes("keep"));
        int mark = out.pending();
        out.write(Ascii.bytes("drop"));
        out.truncate(mark);
        out.write(Ascii.bytes("!"));
        out.flush();
        assertEquals("keep!", socket.all());
    }

    @Test
    void failedWriteMarksTheBufferFailed() throws IOException {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("reset");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("Connection reset");
            }
        };
        OutputBuffer out = new OutputBuffer(broken, 16);
        out.write(Ascii.bytes("abc"));
        assertFalse(out.failed());
        assertThrows(IOException.class, out::flush);
        assertTrue(out.failed());
        assertEquals(0, out.writeStartedNanos());
        out.write(Ascii.bytes("more"));
        IOException again = assertThrows(IOException.class, out::flush);
        assertTrue(again.getMessage().contains("already failed"), again.getMessage());
        assertThrows(IOException.class, () -> out.write(new byte[100], 0, 100));
        assertEquals(0, out.flushes());
        assertEquals(0, out.bytesWritten());
    }

    @Test
    void runtimeFailureAlsoMarksTheBufferFailed() throws IOException {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw new IllegalStateException("closed");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                throw new IllegalStateException("closed");
            }
        };
        OutputBuffer out = new OutputBuffer(broken, 16);
        out.write('x');
        assertThrows(IllegalStateException.class, out::flush);
        assertTrue(out.failed());
    }

    @Test
    void writeStartedIsSetOnlyWhileASocketWriteIsInProgress() throws IOException {
        long[] seen = new long[1];
        OutputBuffer[] holder = new OutputBuffer[1];
        OutputStream probe = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                seen[0] = holder[0].writeStartedNanos();
            }
        };
        OutputBuffer out = new OutputBuffer(probe, 16);
        holder[0] = out;
        assertEquals(0, out.writeStartedNanos());
        out.write('x');
        out.flush();
        assertNotEquals(0, seen[0], "set during the write (never 0, even if nanoTime is)");
        assertEquals(0, out.writeStartedNanos());
    }
}
