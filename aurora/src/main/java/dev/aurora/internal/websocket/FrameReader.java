package dev.aurora.internal.websocket;

import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.mem.PooledBuffer;
import dev.aurora.websocket.CloseCodes;
import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads client frames (RFC 6455 5.2) from the connection: the header with every rule a header can
 * break checked at once, then the payload, unmasked, in pieces of the caller's choosing, so a large
 * frame never needs a buffer of its own size here.
 *
 * <p>Rules enforced ({@code 1002} unless said): the mask bit is set; RSV2 and RSV3 are clear, and
 * RSV1 only on the first frame of a data message when permessage-deflate is on; the opcode is
 * known; control frames are final and at most 125 bytes; a continuation only inside a message and
 * a new data frame only outside one; the 64-bit length has its top bit clear; the payload is at
 * most {@code maxFrameSize} ({@code 1009}).
 *
 * <p>Buffers. Frames are read into a small array of the reader's own, which holds a header and a
 * short message whole; a payload that does not fit goes from the socket straight into the
 * caller's array. When a read fills the small array, more is likely waiting (a burst of frames):
 * the reader leases a pool buffer and reads into that until nothing is buffered and nothing
 * waits in the socket, then gives it back. So a connection waiting for its next frame holds no
 * pooled buffer, as an idle HTTP connection holds none.
 *
 * <p>Starts with the bytes the HTTP buffer held past the upgrade request. Runs on the thread that
 * receives (one at a time).
 */
public final class FrameReader {
    private static final int MAX_HEADER = 14;
    /** The reader's own array: a header and a short message (a chat line, a small JSON event). */
    static final int SMALL_BUFFER = 256;
    /** The lease used while frames arrive faster than they are read. */
    static final int LEASED_BUFFER = 4096;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final ByteSource source;
    private final BufferPool pool;
    private final byte[] small;
    private final int maxFrameSize;
    private final boolean deflate;
    /** The array read into: {@code small}, or the lease's. */
    private byte[] buf;
    private PooledBuffer lease;
    private int pos;
    private int end;
    private boolean inMessage;
    // The current frame.
    private boolean fin;
    private boolean compressed;
    private int opcode;
    private long remaining;
    private final byte[] mask = new byte[4];
    private int maskAt;

    /** @param buffered bytes already read past the handshake, to be read first */
    public FrameReader(ByteSource source, BufferPool pool, byte[] buffered, int maxFrameSize, boolean deflate) {
        this.source = source;
        this.pool = pool;
        this.small = new byte[SMALL_BUFFER];
        this.maxFrameSize = maxFrameSize;
        this.deflate = deflate;
        this.buf = small;
        if (buffered.length >= small.length) {
            lease = pool.acquire(Math.max(LEASED_BUFFER, buffered.length));
            buf = lease.array();
        }
        System.arraycopy(buffered, 0, buf, 0, buffered.length);
        this.end = buffered.length;
    }

    /** Reads and checks the next frame's header; the payload follows with {@link #readPayload}. */
    public void next(int timeoutMillis) throws IOException {
        ensure(2, timeoutMillis);
        int b0 = buf[pos] & 0xFF;
        int b1 = buf[pos + 1] & 0xFF;
        fin = (b0 & 0x80) != 0;
        boolean rsv1 = (b0 & 0x40) != 0;
        opcode = b0 & 0x0F;
        if ((b0 & 0x30) != 0) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "RSV2/RSV3 set without an extension");
        }
        if (!Opcodes.known(opcode)) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "Unknown opcode " + opcode);
        }
        if ((b1 & 0x80) == 0) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "Client frame not masked");
        }
        int len7 = b1 & 0x7F;
        boolean control = Opcodes.control(opcode);
        if (control && (!fin || len7 > Opcodes.MAX_CONTROL_PAYLOAD)) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002,
                    fin ? "Control frame longer than 125 bytes" : "Fragmented control frame");
        }
        if (rsv1 && (!deflate || control || opcode == Opcodes.CONTINUATION)) {
            throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "RSV1 set without permessage-deflate");
        }
        if (!control) {
            if (opcode == Opcodes.CONTINUATION ? !inMessage : inMessage) {
                throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002,
                        inMessage ? "New message inside a fragmented one" : "Continuation outside a message");
            }
            if (opcode != Opcodes.CONTINUATION) {
                compressed = rsv1;
            }
            inMessage = !fin;
        }
        int lengthBytes = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        ensure(2 + lengthBytes + 4, timeoutMillis);
        int at = pos + 2;
        long length = len7;
        if (lengthBytes > 0) {
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = length << 8 | (buf[at++] & 0xFF);
            }
            if (length < 0) {
                throw new ProtocolViolation(CloseCodes.PROTOCOL_ERROR_1002, "Frame length has its top bit set");
            }
        }
        if (length > maxFrameSize) {
            throw new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG_1009,
                    "Frame of " + length + " bytes exceeds maxFrameSize " + maxFrameSize);
        }
        System.arraycopy(buf, at, mask, 0, 4);
        pos = at + 4;
        remaining = length;
        maskAt = 0;
    }

    public boolean fin() {
        return fin;
    }

    public int opcode() {
        return opcode;
    }

    /** Whether the message this frame belongs to is compressed (RSV1 on its first frame). */
    boolean compressed() {
        return compressed;
    }

    /** Payload bytes of the current frame not read yet. */
    public int remaining() {
        return (int) remaining;
    }

    /** Reads exactly {@code len} payload bytes (at most {@link #remaining()}), unmasked. */
    public void readPayload(byte[] dst, int off, int len, int timeoutMillis) throws IOException {
        assert len <= remaining;
        int done = 0;
        while (done < len) {
            int n;
            if (pos < end) {
                n = Math.min(len - done, end - pos);
                System.arraycopy(buf, pos, dst, off + done, n);
                pos += n;
            } else if (len - done >= buf.length) {
                // Large payloads skip the buffer: one copy, from the socket into the message.
                n = source.read(dst, off + done, len - done, timeoutMillis);
                if (n < 0) {
                    throw new EOFException("Connection ended inside a frame");
                }
            } else {
                fill(timeoutMillis);
                continue;
            }
            unmask(dst, off + done, n);
            done += n;
        }
        remaining -= len;
    }

    private void unmask(byte[] b, int off, int n) {
        int m = maskAt;
        int i = 0;
        if (n >= 16) {
            // Eight bytes per step: the key repeated in the phase this piece starts at. Eight is a
            // multiple of four, so the phase is the same at every step.
            long key = 0;
            for (int k = 7; k >= 0; k--) {
                key = key << 8 | mask[(m + k) & 3] & 0xFF;
            }
            for (; i + 8 <= n; i += 8) {
                LONGS.set(b, off + i, (long) LONGS.get(b, off + i) ^ key);
            }
        }
        for (; i < n; i++) {
            b[off + i] ^= mask[(m + i) & 3];
        }
        maskAt = (m + n) & 3;
    }

    /** Makes sure {@code n} (at most 14) bytes from {@code pos} are buffered. */
    private void ensure(int n, int timeoutMillis) throws IOException {
        while (end - pos < n) {
            fill(timeoutMillis);
        }
    }

    private void fill(int timeoutMillis) throws IOException {
        if (pos == end) {
            pos = 0;
            end = 0;
            if (lease != null && source.available() == 0) {
                release(); // the next read is likely to wait: wait without a lease
            }
        } else if (buf.length - end < MAX_HEADER) {
            System.arraycopy(buf, pos, buf, 0, end - pos);
            end -= pos;
            pos = 0;
        }
        int n = source.read(buf, end, buf.length - end, timeoutMillis);
        if (n < 0) {
            throw new EOFException("Connection ended");
        }
        end += n;
        if (end == buf.length && lease == null) {
            lease = pool.acquire(LEASED_BUFFER);
            byte[] leased = lease.array();
            System.arraycopy(buf, pos, leased, 0, end - pos);
            end -= pos;
            pos = 0;
            buf = leased;
        }
    }

    /**
     * Gives the lease back, if there is one: when nothing is buffered (the reader goes on in its
     * small array), or when the connection ends (what is buffered is dropped).
     */
    public void release() {
        PooledBuffer l = lease;
        if (l != null) {
            lease = null;
            buf = small;
            pos = 0;
            end = 0;
            l.release();
        }
    }
}
