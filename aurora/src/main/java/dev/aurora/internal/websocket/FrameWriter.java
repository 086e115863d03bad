package dev.aurora.internal.websocket;

import dev.aurora.internal.http.OutputBuffer;
import java.io.IOException;

/**
 * Writes server frames (unmasked, RFC 6455 5.1) into the connection's output buffer; the caller
 * holds the session's write lock and flushes. Socket writes go through the buffer, so the write
 * timeout watchdog sees them as it sees any response.
 */
public final class FrameWriter {
    private final OutputBuffer out;
    private final byte[] header = new byte[10];

    public FrameWriter(OutputBuffer out) {
        this.out = out;
    }

    /** Writes one whole frame. */
    public void frame(boolean fin, boolean rsv1, int opcode, byte[] payload, int off, int len) throws IOException {
        out.write(header, 0, encodeHeader(header, fin, rsv1, opcode, len));
        out.write(payload, off, len);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Encodes a frame header into {@code h}; returns its length (2, 4 or 10). */
    static int encodeHeader(byte[] h, boolean fin, boolean rsv1, int opcode, long len) {
        h[0] = (byte) ((fin ? 0x80 : 0) | (rsv1 ? 0x40 : 0) | opcode);
        if (len < 126) {
            h[1] = (byte) len;
            return 2;
        }
        if (len < 65536) {
            h[1] = 126;
            h[2] = (byte) (len >>> 8);
            h[3] = (byte) len;
            return 4;
        }
        h[1] = 127;
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (len >>> (56 - 8 * i));
        }
        return 10;
    }
}
