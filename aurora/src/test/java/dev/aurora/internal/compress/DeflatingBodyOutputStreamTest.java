package dev.aurora.internal.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.internal.http.CloseDelimitedBodyOutputStream;
import dev.aurora.internal.http.FixedLengthBodyOutputStream;
import dev.aurora.internal.http.OutputBuffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** gzip and deflate bodies: they decode to what was written, however it was written, and the compressor goes back once. */
class DeflatingBodyOutputStreamTest {
    private static final byte[] TEXT = "a line of text that compresses well\n".repeat(3000).getBytes(StandardCharsets.US_ASCII);

    private final java.io.ByteArrayOutputStream socket = new java.io.ByteArrayOutputStream();
    private final OutputBuffer out = new OutputBuffer(socket, 4096);
    private final CloseDelimitedBodyOutputStream raw = new CloseDelimitedBodyOutputStream(out);
    private final DeflatingBodyOutputStream body = new DeflatingBodyOutputStream(out);
    private final List<Compressor> returned = new ArrayList<>();
    private final List<Compressor> made = new ArrayList<>();

    @AfterEach
    void endCompressors() {
        made.forEach(Compressor::end);
    }

    private Compressor compressor(int level) {
        Compressor c = new Compressor(level);
        made.add(c);
        return c;
    }

    /** Starts a streamed body in {@code coding} on the close-delimited target; returns its compressor. */
    private Compressor stream(int coding, int level) throws IOException {
        Compressor c = compressor(level);
        raw.reset();
        body.start(c, returned::add, coding);
        body.begin(raw, false);
        return c;
    }

    private byte[] sent() throws IOException {
        out.flush();
        return socket.toByteArray();
    }

    private static byte[] decode(int coding, byte[] bytes) throws IOException {
        try (InputStream in = coding == AcceptEncoding.GZIP ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                : new InflaterInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 6, 7, 9})
    void streamedBodiesDecodeInBothCodingsAtEveryLevel(int level) throws IOException {
        for (int coding : new int[] {AcceptEncoding.GZIP, AcceptEncoding.DEFLATE}) {
            socket.reset();
            Compressor compressor = stream(coding, level);
            body.write(TEXT, 0, 10);
            for (int i = 10; i < 20; i++) {
                body.write(TEXT[i]);
            }
            body.write(TEXT, 20, TEXT.length - 20);
            body.finish();
            assertArrayEquals(TEXT, decode(coding, sent()), "level " + level + ", coding " + coding);
            assertEquals(List.of(compressor), returned);
            returned.clear();
        }
    }

    @Test
    void aWholeBodyThatFitsReportsItsExactEncodedLength() throws IOException {
        Compressor compressor = compressor(6);
        long length = body.start(compressor, returned::add, AcceptEncoding.GZIP).encodeWhole(TEXT, TEXT.length);
        assertTrue(length > 0 && length < Compressor.BUFFER, "length " + length);
        body.begin(new FixedLengthBodyOutputStream(out).length(length), true);
        byte[] sent = sent();
        assertEquals(length, sent.length);
        assertArrayEquals(TEXT, decode(AcceptEncoding.GZIP, sent));
        assertEquals(1, returned.size());
    }

    @Test
    void aWholeBodyThatDoesNotFitIsStreamed() throws IOException {
        byte[] noise = new byte[3 * Compressor.BUFFER];
        new Random(1).nextBytes(noise);
        Compressor compressor = compressor(6);
        assertEquals(-1, body.start(compressor, returned::add, AcceptEncoding.DEFLATE).encodeWhole(noise, noise.length));
        body.begin(raw, true);
        assertArrayEquals(noise, decode(AcceptEncoding.DEFLATE, sent()));
        assertEquals(1, returned.size());
    }

    @Test
    void anEmptyBodyIsAValidEmptyStream() throws IOException {
        stream(AcceptEncoding.GZIP, 6);
        body.close();
        assertArrayEquals(new byte[0], decode(AcceptEncoding.GZIP, sent()));
    }

    @Test
    void flushMakesEverythingWrittenSoFarDecodable() throws Exception {
        stream(AcceptEncoding.DEFLATE, 6);
        body.write(TEXT, 0, 1000);
        body.flush();
        Inflater inflater = new Inflater();
        inflater.setInput(socket.toByteArray());
        byte[] prefix = new byte[2000];
        assertEquals(1000, inflater.inflate(prefix));
        assertFalse(inflater.finished());
        inflater.end();
        body.finish();
    }

    @Test
    void anAbandonedBodyGivesItsCompressorBackOnce() throws IOException {
        Compressor compressor = stream(AcceptEncoding.GZIP, 6);
        body.write(TEXT);
        assertTrue(body.holdsCompressor());
        body.abandon();
        body.abandon();
        assertFalse(body.holdsCompressor());
        assertEquals(List.of(compressor), returned);
    }

    @Test
    void writeAfterFinishFails() throws IOException {
        stream(AcceptEncoding.GZIP, 6);
        body.finish();
        assertThrows(IOException.class, () -> body.write(1));
    }
}
