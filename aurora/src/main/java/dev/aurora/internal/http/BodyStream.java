package dev.aurora.internal.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body as the handler sees it, decoded from the connection's bytes by one framing. Each
 * read that has to wait for the network waits at most the body read timeout.
 *
 * <p>Runs on the connection's virtual thread (handlers run there too).
 */
abstract sealed class BodyStream extends InputStream
        permits FixedLengthBodyStream, ChunkedBodyStream, BodyStream.Empty {

    /** The stream of a request without body. */
    public static final BodyStream EMPTY = new Empty();

    /** Whether the whole body has been consumed, so the next request starts right after it. */
    public abstract boolean finished();

    /** Whether at most {@code maxBytes} are left, as far as the framing tells in advance. */
    public boolean drainable(long maxBytes) {
        return true;
    }

    /**
     * Reads and discards the rest of the body, at most {@code maxBytes} of it, so the connection can
     * serve the next request.
     *
     * @return true when the body was consumed to its end
     */
    public final boolean drain(long maxBytes) throws IOException {
        return drain(maxBytes, System.nanoTime() + Long.MAX_VALUE / 2);
    }

    /**
     * Like {@link #drain(long)}, giving up (false) once {@code deadlineNanos} has passed, so a
     * client dripping an unread body cannot hold the connection for long. Every byte received,
     * framing included, counts against {@code maxBytes}.
     */
    public abstract boolean drain(long maxBytes, long deadlineNanos) throws IOException;

    /** Reused by {@link #read()}, so byte-at-a-time readers do not allocate per byte. */
    private final byte[] one = new byte[1];

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    static final class Empty extends BodyStream {
        @Override
        public boolean finished() {
            return true;
        }

        @Override
        public boolean drain(long maxBytes, long deadlineNanos) {
            return true;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return -1;
        }

        @Override
        public int read() {
            return -1;
        }
    }
}
