package dev.aurora.internal.websocket;

import dev.aurora.websocket.CloseCodes;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The permessage-deflate codec of one connection (RFC 7692): raw DEFLATE ({@code nowrap}), each
 * message ending in a sync flush whose {@code 00 00 ff ff} tail is stripped on the wire and put
 * back before inflating.
 *
 * <p>Inflating is bounded: output grows only up to the message limit, so a small frame that
 * inflates to gigabytes (a zip bomb) ends in {@code 1009}, never in a large allocation.
 *
 * <p>The deflater and inflater hold native memory (the deflater about 256 KiB): each is made on first
 * use and {@link #release() ended} with the session, on every way out. Compressing runs under the
 * session's write lock, inflating on the receiving thread.
 */
final class PerMessageDeflate {
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    private final boolean resetDeflater;
    private final boolean resetInflater;
    private final int maxMessageSize;
    private Deflater deflater;
    private Inflater inflater;
    private byte[] out = new byte[256];
    private int compressedLength;
    /** The message being inflated; only during {@link #decompress}. */
    private byte[] inflated;

    PerMessageDeflate(DeflateNegotiation agreed, int maxMessageSize) {
        this.resetDeflater = agreed.serverNoContextTakeover();
        this.resetInflater = agreed.clientNoContextTakeover();
        this.maxMessageSize = maxMessageSize;
    }

    /**
     * Compresses a whole message.
     *
     * @return the compressed payload, valid until the next call; its length is {@link #compressedLength()}
     */
    byte[] compress(byte[] data, int off, int len) {
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        deflater.setInput(data, off, len);
        int n = 0;
        while (true) {
            if (n == out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            n += deflater.deflate(out, n, out.length - n, Deflater.SYNC_FLUSH);
            // A sync flush is complete when it left room in the output.
            if (n < out.length && deflater.needsInput()) {
                break;
            }
        }
        if (resetDeflater) {
            deflater.reset();
        }
        compressedLength = n - TAIL.length;
        return out;
    }

    int compressedLength() {
        return compressedLength;
    }

    /**
     * Inflates a whole message.
     *
     * @throws ProtocolViolation 1009 past the message limit, 1007 for data that is not DEFLATE
     */
    byte[] decompress(byte[] data, int len) throws ProtocolViolation {
        if (inflater == null) {
            inflater = new Inflater(true);
        }
        inflated = new byte[Math.min(maxMessageSize + 1, Math.max(64, len * 4))];
        int n;
        try {
            inflater.setInput(data, 0, len);
            n = inflateAll(0);
            if (n >= 0) {
                inflater.setInput(TAIL);
                n = inflateAll(n);
            }
        } catch (DataFormatException e) {
            inflated = null;
            inflater.reset();
            throw new ProtocolViolation(CloseCodes.INVALID_PAYLOAD_1007, "Bad DEFLATE data: " + e.getMessage());
        }
        // A final block ends the stream: the next message starts a new one.
        if (resetInflater || inflater.finished()) {
            inflater.reset();
        }
        if (n < 0) {
            inflated = null;
            inflater.reset();
            throw new ProtocolViolation(CloseCodes.MESSAGE_TOO_BIG_1009,
                    "Message inflates past maxMessageSize " + maxMessageSize);
        }
        byte[] result = n == inflated.length ? inflated : Arrays.copyOf(inflated, n);
        inflated = null;
        return result;
    }

    /** Inflates the current input into {@link #inflated} from {@code n}; -1 once past the limit. */
    private int inflateAll(int n) throws DataFormatException {
        while (true) {
            if (n == inflated.length) {
                if (n > maxMessageSize) {
                    return -1;
                }
                inflated = Arrays.copyOf(inflated, (int) Math.min(maxMessageSize + 1L, 2L * n));
            }
            int k = inflater.inflate(inflated, n, inflated.length - n);
            n += k;
            if (n > maxMessageSize) {
                return -1;
            }
            if (k == 0 && n < inflated.length) {
                return n;
            }
        }
    }

    /** Ends the native codecs; the session is over. Idempotent. */
    void release() {
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
        if (inflater != null) {
            inflater.end();
            inflater = null;
        }
    }
}
