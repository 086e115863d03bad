package dev.aurora.internal.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameWriterTest {
    @Test
    void lengthsUseTheShortestEncoding() {
        byte[] h = new byte[10];
        assertEquals(2, FrameWriter.encodeHeader(h, true, false, Opcodes.TEXT, 125));
        assertArrayEquals(new byte[] {(byte) 0x81, 125}, Arrays.copyOf(h, 2));
        assertEquals(4, FrameWriter.encodeHeader(h, false, true, Opcodes.BINARY, 126));
        assertArrayEquals(new byte[] {0x42, 126, 0, 126}, Arrays.copyOf(h, 4));
        assertEquals(4, FrameWriter.encodeHeader(h, true, false, Opcodes.BINARY, 65535));
        assertEquals(10, FrameWriter.encodeHeader(h, true, false, Opcodes.BINARY, 65536));
        assertArrayEquals(new byte[] {(byte) 0x82, 127, 0, 0, 0, 0, 0, 1, 0, 0}, h);
    }

    @Test
    void theAcceptKeyOfTheRfcExample() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", Handshake.accept("dGhlIHNhbXBsZSBub25jZQ=="));
    }
}
