package dev.aurora.internal.websocket;

import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.mem.PooledBuffer;
import java.io.IOException;

/**
 * Writes server frames (unmasked, RFC 6455 5.1) through the connection's output, each whole and
 * flushed at once, with a buffer leased from the pool for that frame only: the smallest class
 * that holds header and payload (a payload larger than the largest lease goes from its own array
 * straight to the socket), given back after the flush, so a connection that is not writing holds
 * none. Socket writes go through the output, so the write timeout watchdog sees them as it sees
 * any response. The caller holds the session's write lock.
 */
public final class FrameWriter {
    /** The largest buffer leased for one frame. */
    private static final int MAX_LEASE = 16 << 10;

    private final OutputBuffer out;
    private final BufferPool pool;
    private final byte[] header = new byte[10];

    /** @param out an output bound to its stream and to no array */
    public FrameWriter(OutputBuffer out, BufferPool pool) {
        this.out = out;
        this.pool = pool;
    }

    /** Writes and flushes one whole frame. */
    public void frame(boolean fin, boolean rsv1, int opcode, byte[] payload, int off, int len) throws IOException {
        int h = encodeHeader(header, fin, rsv1, opcode, len);
        PooledBuffer lease = pool.acquire((int) Math.min(MAX_LEASE, (long) h + len));
        out.lend(lease.array());
        try {
            out.write(header, 0, h);
            out.write(payload, off, len);
            out.flush();
        } finally {
            out.detach();
            lease.release();
        }
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
