package dev.aurora.internal.http;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;

/**
 * A body framed by {@code Content-Length}: exactly that many bytes, then the next request.
 * Runs on the connection's virtual thread.
 */
final class FixedLengthBodyStream extends BodyStream {
    /** Reads at least this large skip the connection buffer and land in the caller's array. */
    private static final int DIRECT_READ_THRESHOLD = 8192;

    private final InputBuffer in;
    private final BodyDeadline deadline;
    private long remaining;

    FixedLengthBodyStream(InputBuffer in, BodyDeadline deadline) {
        this.in = in;
        this.deadline = deadline;
    }

    /** Reuses this stream for the next request's body. */
    public FixedLengthBodyStream restart(long length) {
        this.remaining = length;
        return this;
    }

    @Override
    public boolean finished() {
        return remaining == 0;
    }

    @Override
    public int available() {
        return (int) Math.min(remaining, in.available());
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (remaining == 0) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int want = (int) Math.min(len, remaining);
        if (in.available() == 0) {
            if (want >= DIRECT_READ_THRESHOLD) {
                int n = deadline.readDirect(in, b, off, want);
                if (n < 0) {
                    throw new EOFException("Connection closed before the end of the body");
                }
                remaining -= n;
                return n;
            }
            if (deadline.fill(in) < 0) {
                throw new EOFException("Connection closed before the end of the body");
            }
        }
        int n = in.take(b, off, want);
        remaining -= n;
        return n;
    }

    @Override
    public boolean drainable(long maxBytes) {
        return remaining <= maxBytes;
    }

    @Override
    public boolean drain(long maxBytes, long deadlineNanos) throws IOException {
        if (remaining > maxBytes) {
            return false;
        }
        while (remaining > 0) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            if (in.available() == 0 && deadline.fill(in) < 0) {
                return false;
            }
            int n = (int) Math.min(remaining, in.available());
            in.skip(n);
            remaining -= n;
        }
        return true;
    }
}
