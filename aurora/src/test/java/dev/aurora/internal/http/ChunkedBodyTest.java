package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decoding of the chunked transfer coding (RFC 9112 section 7.1). */
class ChunkedBodyTest {
    private static final String NEXT = "GET /next HTTP/1.1" + CRLF + "Host: h" + CRLF + CRLF;

    /** Decodes {@code wire} (just the chunked body) delivered in pieces of {@code piece} bytes. */
    private static String decode(String wire, int piece, ServerConfig config) throws IOException {
        InputBuffer in = Wire.buffer(Wire.source(Wire.bytes(wire), piece), config);
        return new String(Wire.chunked(in, config).readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String decode(String wire) throws IOException {
        return decode(wire, Integer.MAX_VALUE, Wire.DEFAULTS);
    }

    /** The status of the {@link ProtocolException} decoding fails with, at every piece size 1..7 and whole. */
    private static void rejects(int status, String wire, ServerConfig config) {
        for (int piece : new int[] {1, 2, 3, 4, 5, 6, 7, Integer.MAX_VALUE}) {
            ProtocolException e = assertThrows(ProtocolException.class, () -> decode(wire, piece, config),
                    () -> Wire.escape(wire) + " piece " + piece);
            assertEquals(status, e.status(), () -> Wire.escape(wire) + " piece " + piece + ": " + e.getMessage());
        }
    }

    private static void rejects(int status, String wire) {
        rejects(status, wire, Wire.DEFAULTS);
    }

    /** Everything left in the input after the body: what the next request would be parsed from. */
    private static String rest(InputBuffer in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            int n = in.available();
            byte[] chunk = new byte[n];
            in.take(chunk, 0, n);
            out.write(chunk);
            if (in.fill(1000) < 0) {
                return out.toString(StandardCharsets.ISO_8859_1);
            }
        }
    }

    // ---- accepted bodies --------------------------------------------------------------------------

    @Test
    void simpleBody() throws IOException {
        assertEquals("hello world", decode("5" + CRLF + "hello" + CRLF + "6" + CRLF + " world" + CRLF + "0" + CRLF + CRLF));
    }

    @Test
    void emptyBody() throws IOException {
        assertEquals("", decode("0" + CRLF + CRLF));
    }

    @Test
    void hexSizesInEitherCaseWithLeadingZeros() throws IOException {
        String ten = "0123456789";
        assertEquals(ten + ten + "abcde",
                decode("A" + CRLF + ten + CRLF + "a" + CRLF + ten + CRLF + "0005" + CRLF + "abcde" + CRLF + "000" + CRLF + CRLF));
        String big = "x".repeat(0x1F);
        assertEquals(big, decode("1f" + CRLF + big + CRLF + "0" + CRLF + CRLF));
        assertEquals(big, decode("1F" + CRLF + big + CRLF + "0" + CRLF + CRLF));
    }

    @Test
    void dataMayContainCrlfAndAnyOctet() throws IOException {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 256; c++) {
            all.append((char) c);
        }
        String data = "\r\n0\r\n\r\n" + all;
        assertEquals(data, decode(Integer.toHexString(data.length()) + CRLF + data + CRLF + "0" + CRLF + CRLF));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5;name=value", "5 ;a", "5\t;a", "5;a", "5;a=b;c=d", "5 ; a = b", "5;a=\"quoted value\"",
            "5;a=\"semi;colon, comma\"", "5;a=\"esc\\\"aped\"", "5;", "5;\u00e9"})
    void chunkExtensionsAreAcceptedAndIgnored(String sizeLine) throws IOException {
        assertEquals("hello", decode(sizeLine + CRLF + "hello" + CRLF + "0;last=1" + CRLF + CRLF));
    }

    @Test
    void trailersAreAcceptedAndDropped() throws IOException {
        String wire = "5" + CRLF + "hello" + CRLF + "0" + CRLF + "X-Checksum: abc" + CRLF + "Y:" + CRLF
                + "Z: \t v \t" + CRLF + CRLF;
        InputBuffer in = Wire.buffer(wire + NEXT, 3);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertEquals("hello", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
        assertTrue(body.finished());
        assertEquals(NEXT, rest(in), "trailers are consumed, nothing of them leaks into the next request");
    }

    @Test
    void everyPieceSizeDecodesTheSame() throws IOException {
        String wire = "3;ext=\"v\"" + CRLF + "abc" + CRLF + "10" + CRLF + "0123456789abcdef" + CRLF + "1" + CRLF + "z"
                + CRLF + "0" + CRLF + "T: x" + CRLF + CRLF;
        for (int piece = 1; piece <= 7; piece++) {
            assertEquals("abc0123456789abcdefz", decode(wire, piece, Wire.DEFAULTS), "piece " + piece);
        }
    }

    @Test
    void everySplitPointDecodesTheSame() throws IOException {
        // Two reads, split at every byte boundary.
        String wire = "5;a=b" + CRLF + "hello" + CRLF + "6" + CRLF + " world" + CRLF + "0" + CRLF + "T: 1" + CRLF + CRLF;
        byte[] bytes = Wire.bytes(wire);
        for (int split = 1; split < bytes.length; split++) {
            int at = split;
            int[] calls = {0};
            ByteSource source = (b, off, len, timeout) -> {
                int from = calls[0] == 0 ? 0 : at;
                int to = calls[0] == 0 ? at : bytes.length;
                calls[0]++;
                if (from >= bytes.length || calls[0] > 2) {
                    return -1;
                }
                int n = Math.min(len, to - from);
                System.arraycopy(bytes, from, b, off, n);
                if (n < to - from) {
                    throw new AssertionError("buffer too small for this test");
                }
                return n;
            };
            InputBuffer in = Wire.buffer(source, Wire.DEFAULTS);
            ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
            assertEquals("hello world", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1), "split " + split);
            assertTrue(body.finished());
        }
    }

    @Test
    void singleByteReads() throws IOException {
        InputBuffer in = Wire.buffer("2" + CRLF + "ab" + CRLF + "1" + CRLF + "c" + CRLF + "0" + CRLF + CRLF, 1);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertEquals('a', body.read());
        assertEquals('b', body.read());
        assertEquals('c', body.read());
        assertEquals(-1, body.read());
        assertEquals(-1, body.read());
        assertTrue(body.finished());
    }

    @Test
    void zeroLengthReadReturnsZeroWithoutConsuming() throws IOException {
        InputBuffer in = Wire.buffer("2" + CRLF + "ab" + CRLF + "0" + CRLF + CRLF, 100);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertEquals(0, body.read(new byte[4], 0, 0));
        assertEquals("ab", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void readNeverReturnsMoreThanOneChunkOrTheRequestedLength() throws IOException {
        InputBuffer in = Wire.buffer("3" + CRLF + "abc" + CRLF + "4" + CRLF + "defg" + CRLF + "0" + CRLF + CRLF, 1000);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        byte[] buf = new byte[10];
        assertEquals(2, body.read(buf, 0, 2));
        assertEquals(1, body.read(buf, 2, 8));
        assertEquals(4, body.read(buf, 3, 7));
        assertEquals("abcdefg", new String(buf, 0, 7, StandardCharsets.ISO_8859_1));
        assertEquals(-1, body.read(buf, 0, 10));
    }

    // ---- malformed chunk sizes ---------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"10000000000000000", "ffffffffffffffff", "8000000000000000", "FFFFFFFFFFFFFFFF0"})
    void chunkSizeOverflowIs400(String size) {
        rejects(400, size + CRLF + "hello" + CRLF + "0" + CRLF + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5", "+5", "0x5", "0X5", " 5", "\t5", "5x", "5 ", "5\t", "x", "", "5 5", "5,a", "5=a",
            "5 a", "g", "5\u0000", "5;a\u0000", "5;a\u007f", "5;a\rb"})
    void malformedChunkSizeLineIs400(String sizeLine) {
        rejects(400, sizeLine + CRLF + "hello" + CRLF + "0" + CRLF + CRLF);
    }

    @Test
    void hugeButWellFormedChunkSizeIs413() {
        rejects(413, "7fffffffffffffff" + CRLF + "hello" + CRLF + "0" + CRLF + CRLF);
        rejects(413, "fffffffffffffff" + CRLF + "hello" + CRLF + "0" + CRLF + CRLF);
    }

    @Test
    void endlessChunkSizeLineIs400() {
        rejects(400, "5;" + "a".repeat(10_000) + CRLF + "hello" + CRLF + "0" + CRLF + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"helloX" + CRLF, "hello0" + CRLF, "hello\n", "hello\r", "hello\rX\n", "hellohello" + CRLF,
            "hello " + CRLF, "hello\r\r\n"})
    void missingCrlfAfterDataIs400(String dataAndEnd) {
        rejects(400, "5" + CRLF + dataAndEnd + "0" + CRLF + CRLF);
    }

    @Test
    void bareLfIs400() {
        rejects(400, "5\nhello" + CRLF + "0" + CRLF + CRLF);
        rejects(400, "5;a=b\nhello" + CRLF + "0" + CRLF + CRLF);
        rejects(400, "5" + CRLF + "hello" + CRLF + "0\n" + CRLF);
        rejects(400, "5" + CRLF + "hello" + CRLF + "0" + CRLF + "\n");
        rejects(400, "5" + CRLF + "hello" + CRLF + "0" + CRLF + "T: 1\n" + CRLF);
        rejects(400, "\n5" + CRLF + "hello" + CRLF + "0" + CRLF + CRLF);
    }

    @ParameterizedTest
    @ValueSource(strings = {": x", " folded: x", "\tX: y", "X y: z", "X", "X : y", "X: a\u0000b", "X: a\u0001",
            "X: \u007f", "X(: y"})
    void malformedTrailerIs400(String trailer) {
        rejects(400, "5" + CRLF + "hello" + CRLF + "0" + CRLF + trailer + CRLF + CRLF);
    }

    // ---- limits -----------------------------------------------------------------------------------

    @Test
    void bodyUpToMaxBodySizeIsAccepted() throws IOException {
        ServerConfig config = Wire.DEFAULTS.withMaxBodySize(10);
        assertEquals("helloworld", decode("5" + CRLF + "hello" + CRLF + "5" + CRLF + "world" + CRLF + "0" + CRLF + CRLF,
                1, config));
    }

    @Test
    void bodyOverMaxBodySizeIs413() {
        ServerConfig config = Wire.DEFAULTS.withMaxBodySize(10);
        rejects(413, "5" + CRLF + "hello" + CRLF + "6" + CRLF + "world!" + CRLF + "0" + CRLF + CRLF, config);
        rejects(413, "b" + CRLF + "hello world" + CRLF + "0" + CRLF + CRLF, config);
    }

    @Test
    void tooLargeChunkIs413BeforeItsDataIsRead() throws IOException {
        // The data of the second chunk never comes (the source stalls): 413 must not wait for it.
        ServerConfig config = Wire.DEFAULTS.withMaxBodySize(10);
        byte[] wire = Wire.bytes("5" + CRLF + "hello" + CRLF + "6" + CRLF);
        InputBuffer in = Wire.buffer(Wire.stalling(wire, 2), config);
        ChunkedBodyStream body = Wire.chunked(in, config);
        byte[] buf = new byte[5];
        int got = 0;
        while (got < 5) {
            got += body.read(buf, got, 5 - got);
        }
        assertEquals("hello", new String(buf, StandardCharsets.ISO_8859_1));
        ProtocolException e = assertThrows(ProtocolException.class, () -> body.read(new byte[10], 0, 10));
        assertEquals(413, e.status());
    }

    private static final ServerConfig SMALL_TRAILERS = Wire.DEFAULTS.withMaxHeaderSize(256).withMaxHeaderCount(4);

    @Test
    void trailersWithinTheLimitsAreAccepted() throws IOException {
        // Exactly maxHeaderCount (4) fields of exactly maxHeaderSize (256) bytes, CRLFs included.
        String trailers = "A: " + "a".repeat(233) + CRLF + "B: b" + CRLF + "C: c" + CRLF + "D: d" + CRLF;
        assertEquals(256, trailers.length(), "test setup");
        String wire = "1" + CRLF + "x" + CRLF + "0" + CRLF + trailers + CRLF;
        for (int piece : new int[] {1, 3, 7, Integer.MAX_VALUE}) {
            assertEquals("x", decode(wire, piece, SMALL_TRAILERS), "piece " + piece);
        }
    }

    @Test
    void tooManyTrailerFieldsAre431() {
        rejects(431, "1" + CRLF + "x" + CRLF + "0" + CRLF + "A: 1" + CRLF + "B: 2" + CRLF + "C: 3" + CRLF + "D: 4" + CRLF
                + "E: 5" + CRLF + CRLF, SMALL_TRAILERS);
    }

    @Test
    void tooLargeTrailerSectionIs431() {
        rejects(431, "1" + CRLF + "x" + CRLF + "0" + CRLF + "A: " + "a".repeat(300) + CRLF + CRLF, SMALL_TRAILERS);
        rejects(431, "1" + CRLF + "x" + CRLF + "0" + CRLF + "A: " + "a".repeat(200) + CRLF + "B: " + "b".repeat(60) + CRLF
                + CRLF, SMALL_TRAILERS);
    }

    @Test
    void trailerSectionOneByteOverTheLimitIs431() {
        rejects(431, "1" + CRLF + "x" + CRLF + "0" + CRLF + "A: " + "a".repeat(256 - 5 + 1) + CRLF + CRLF, SMALL_TRAILERS);
    }

    // ---- end of stream ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"5" + CRLF + "hel", "5" + CRLF, "5", "5;ext", "5" + CRLF + "hello", "5" + CRLF + "hello\r",
            "5" + CRLF + "hello" + CRLF, "5" + CRLF + "hello" + CRLF + "0" + CRLF, "5" + CRLF + "hello" + CRLF + "0" + CRLF
                    + "T: 1" + CRLF, "5" + CRLF + "hello" + CRLF + "0" + CRLF + "\r", ""})
    void endOfStreamInsideTheBodyIsEofException(String wire) {
        for (int piece : new int[] {1, 2, Integer.MAX_VALUE}) {
            assertThrows(EOFException.class, () -> decode(wire, piece, Wire.DEFAULTS), () -> Wire.escape(wire));
        }
    }

    // ---- drain and finished -----------------------------------------------------------------------

    @Test
    void drainConsumesASmallBody() throws IOException {
        InputBuffer in = Wire.buffer("5" + CRLF + "hello" + CRLF + "6" + CRLF + " world" + CRLF + "0" + CRLF + "T: v" + CRLF
                + CRLF + NEXT, 4);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertFalse(body.finished());
        assertTrue(body.drain(100));
        assertTrue(body.finished());
        assertEquals(-1, body.read());
        assertEquals(NEXT, rest(in));
    }

    @Test
    void drainWithExactBudgetSucceeds() throws IOException {
        InputBuffer in = Wire.buffer("5" + CRLF + "hello" + CRLF + "6" + CRLF + " world" + CRLF + "0" + CRLF + CRLF, 100);
        assertTrue(Wire.chunked(in, Wire.DEFAULTS).drain(11));
    }

    @Test
    void drainOfAnEmptyBodyWithZeroBudgetSucceeds() throws IOException {
        InputBuffer in = Wire.buffer("0" + CRLF + CRLF, 100);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertTrue(body.drain(0));
        assertTrue(body.finished());
    }

    @Test
    void drainFailsWhenAChunkExceedsTheBudget() throws IOException {
        InputBuffer in = Wire.buffer("64" + CRLF + "x".repeat(100) + CRLF + "0" + CRLF + CRLF, 100);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertFalse(body.drain(50));
        assertFalse(body.finished());
    }

    @Test
    void drainFailsWhenTheChunksTogetherExceedTheBudget() throws IOException {
        InputBuffer in = Wire.buffer("5" + CRLF + "hello" + CRLF + "5" + CRLF + "world" + CRLF + "0" + CRLF + CRLF, 100);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertFalse(body.drain(7));
        assertFalse(body.finished());
    }

    @Test
    void drainAfterAPartialRead() throws IOException {
        InputBuffer in = Wire.buffer("5" + CRLF + "hello" + CRLF + "0" + CRLF + CRLF + NEXT, 1);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertEquals('h', body.read());
        assertFalse(body.finished());
        assertTrue(body.drain(4));
        assertTrue(body.finished());
        assertEquals(NEXT, rest(in));
    }

    @Test
    void drainAtEndOfStreamReportsFailure() throws IOException {
        InputBuffer in = Wire.buffer("5" + CRLF + "he", 100);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        boolean drained;
        try {
            drained = body.drain(100);
        } catch (EOFException e) {
            drained = false;
        }
        assertFalse(drained);
        assertFalse(body.finished());
    }

    @Test
    void finishedOnlyOnceTheTerminatorIsConsumed() throws IOException {
        InputBuffer in = Wire.buffer("3" + CRLF + "abc" + CRLF + "0" + CRLF + CRLF, 1);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertFalse(body.finished());
        byte[] buf = new byte[3];
        int got = 0;
        while (got < 3) {
            got += body.read(buf, got, 3 - got);
        }
        assertFalse(body.finished(), "all data read, but the last chunk has not been seen yet");
        assertEquals(-1, body.read(buf, 0, 3));
        assertTrue(body.finished());
    }

    @Test
    void restartReusesTheStream() throws IOException {
        InputBuffer in = Wire.buffer("1" + CRLF + "a" + CRLF + "0" + CRLF + CRLF + "2" + CRLF + "bc" + CRLF + "0" + CRLF + CRLF, 3);
        ChunkedBodyStream body = Wire.chunked(in, Wire.DEFAULTS);
        assertArrayEquals(Wire.bytes("a"), body.readAllBytes());
        assertTrue(body.finished());
        body.restart();
        assertFalse(body.finished());
        assertArrayEquals(Wire.bytes("bc"), body.readAllBytes());
    }

    @Test
    void restartResetsTheBodySizeCount() throws IOException {
        ServerConfig config = Wire.DEFAULTS.withMaxBodySize(5);
        InputBuffer in = Wire.buffer("5" + CRLF + "hello" + CRLF + "0" + CRLF + CRLF + "5" + CRLF + "world" + CRLF + "0" + CRLF
                + CRLF, 100);
        ChunkedBodyStream body = Wire.chunked(in, config);
        assertArrayEquals(Wire.bytes("hello"), body.readAllBytes());
        assertArrayEquals(Wire.bytes("world"), body.restart().readAllBytes());
    }

    // ---- pipelining -------------------------------------------------------------------------------

    @Test
    void bytesAfterTheBodyAreTheNextRequest() throws IOException {
        String first = "POST /a HTTP/1.1" + CRLF + "Host: h" + CRLF + "Transfer-Encoding: chunked" + CRLF + CRLF;
        String body = "5" + CRLF + "hello" + CRLF + "0" + CRLF + CRLF;
        String raw = first + body + NEXT;
        for (int piece = 1; piece <= 7; piece++) {
            InputBuffer in = Wire.buffer(Wire.source(Wire.bytes(raw), piece), Wire.DEFAULTS);
            RequestHead head = new RequestHead(100);
            Wire.Parsed p = Wire.next(in, head, Wire.DEFAULTS).assertOk(raw);
            assertEquals(BodyFraming.CHUNKED, p.head.bodyFraming());
            assertEquals("hello", new String(Wire.chunked(in, Wire.DEFAULTS).readAllBytes(), StandardCharsets.ISO_8859_1));
            Wire.Parsed next = Wire.next(in, head, Wire.DEFAULTS).assertOk(raw);
            assertEquals("/next", next.path());
            assertEquals(BodyFraming.NONE, next.head.bodyFraming());
            assertEquals(Wire.EOF, Wire.next(in, head, Wire.DEFAULTS).status, "piece " + piece);
        }
    }

    @Test
    void smuggledRequestInsideChunkDataIsJustData() throws IOException {
        String smuggled = "GET /admin HTTP/1.1" + CRLF + "Host: h" + CRLF + CRLF;
        String wire = Integer.toHexString(smuggled.length()) + CRLF + smuggled + CRLF + "0" + CRLF + CRLF + NEXT;
        InputBuffer in = Wire.buffer(wire, 5);
        assertEquals(smuggled, new String(Wire.chunked(in, Wire.DEFAULTS).readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(NEXT, rest(in));
    }
}
