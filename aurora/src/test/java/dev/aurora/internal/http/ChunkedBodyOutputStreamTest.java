package dev.aurora.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chunked response bodies: the framing written, and that it decodes back to the same bytes. */
class ChunkedBodyOutputStreamTest {

    @Test
    void eachWriteIsOneChunkAndFinishWritesTheLastChunk() throws IOException {
        OutputBufferTest.Socket socket = new OutputBufferTest.Socket();
        OutputBuffer out = new OutputBuffer(socket, 256);
        ChunkedBodyOutputStream body = new ChunkedBodyOutputStream(out);
        body.write(Ascii.bytes("hello"));
        body.write(Ascii.bytes("x".repeat(26)));
        body.write('!');
        body.write(new byte[0]);
        assertTrue(body.finish());
        out.flush();
        assertEquals("5\r\nhello\r\n1a\r\n" + "x".repeat(26) + "\r\n1\r\n!\r\n0\r\n\r\n", socket.all());
    }

    @Test
    void emptyBodyIsJustTheLastChunk() throws IOException {
        OutputBufferTest.Socket socket = new OutputBufferTest.Socket();
        OutputBuffer out = new OutputBuffer(socket, 64);
        ChunkedBodyOutputStream body = new ChunkedBodyOutputStream(out);
        body.close();
        body.close();
        out.flush();
        assertEquals("0\r\n\r\n", socket.all(), "finishing twice writes the last chunk once");
    }

    @Test
    void writeAfterFinishFails() throws IOException {
        ChunkedBodyOutputStream body = new ChunkedBodyOutputStream(new OutputBuffer(new OutputBufferTest.Socket(), 64));
        body.finish();
        assertThrows(IOException.class, () -> body.write(1));
        body.reset();
        body.write(1);
    }

    @Test
    void roundTripsThroughTheChunkedDecoder() throws IOException {
        Random random = new Random(1234);
        for (int round = 0; round < 50; round++) {
            OutputBufferTest.Socket socket = new OutputBufferTest.Socket();
            OutputBuffer out = new OutputBuffer(socket, 64);
            ChunkedBodyOutputStream body = new ChunkedBodyOutputStream(out);
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            int writes = random.nextInt(6);
            for (int i = 0; i < writes; i++) {
                byte[] data = new byte[random.nextInt(300)];
                random.nextBytes(data);
                body.write(data);
                expected.writeBytes(data);
            }
            body.finish();
            out.flush();
            byte[] wire = Wire.bytes(socket.all());
            InputBuffer in = Wire.buffer(wire, 1 + random.nextInt(20));
            ChunkedBodyStream decoded = Wire.chunked(in, Wire.DEFAULTS);
            assertArrayEquals(expected.toByteArray(), decoded.readAllBytes(), "round " + round);
            assertTrue(decoded.finished());
        }
    }

    @Test
    void statusLinesAreWellFormed() {
        assertEquals("HTTP/1.1 200 OK\r\n", new String(StatusLine.of(200), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("HTTP/1.1 431 Request Header Fields Too Large\r\n",
                new String(StatusLine.of(431), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("HTTP/1.1 599 \r\n", new String(StatusLine.of(599), java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n",
                new String(StatusLine.continue100(), java.nio.charset.StandardCharsets.US_ASCII));
        for (int code = 100; code < 600; code++) {
            String line = new String(StatusLine.of(code), java.nio.charset.StandardCharsets.US_ASCII);
            assertTrue(line.matches("HTTP/1\\.1 " + code + " [A-Za-z -]*\r\n"), line);
        }
    }
}
