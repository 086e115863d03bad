package dev.aurora.internal.http;

import dev.aurora.ServerConfig;
import java.io.IOException;

/**
 * The read deadlines of one request body. Each wait for bytes is bounded by
 * {@code bodyReadTimeout}; with a {@code minBodyRate}, all waits together are also bounded by
 * {@code bodyRateGrace + received / minBodyRate}, so a client trickling a byte now and then
 * cannot hold the connection for ever by never letting one wait run out.
 *
 * <p>Only time spent blocked in a read counts: a handler that works between reads does not use
 * up its client's allowance. Body reads and the drain after the handler share one instance per
 * connection, restarted for every request; runs on the connection's virtual thread.
 */
final class BodyDeadline {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int readTimeoutMillis;
    /** Bytes per second, or 0 for no minimum. */
    private final long minRate;
    private final long graceNanos;
    private long waitedNanos;
    private long received;

    BodyDeadline(ServerConfig config) {
        this(config.bodyReadTimeout().toMillis(), config.minBodyRate(), config.bodyRateGrace().toNanos());
    }

    BodyDeadline(long readTimeoutMillis, long minRate, long graceNanos) {
        this.readTimeoutMillis = (int) readTimeoutMillis;
        this.minRate = minRate;
        this.graceNanos = graceNanos;
    }

    /** Starts the allowance of the next request's body. */
    void restart() {
        waitedNanos = 0;
        received = 0;
    }

    /** {@link InputBuffer#fill(int)} within this body's deadlines. */
    int fill(InputBuffer in) throws IOException {
        long start = System.nanoTime();
        int n = -1;
        try {
            n = in.fill(nextTimeoutMillis());
        } finally {
            account(System.nanoTime() - start, n);
        }
        return n;
    }

    /** {@link InputBuffer#readDirect(byte[], int, int, int)} within this body's deadlines. */
    int readDirect(InputBuffer in, byte[] b, int off, int len) throws IOException {
        long start = System.nanoTime();
        int n = -1;
        try {
            n = in.readDirect(b, off, len, nextTimeoutMillis());
        } finally {
            account(System.nanoTime() - start, n);
        }
        return n;
    }

    /** Adds one read's wait and the bytes it brought (none when it failed or hit the end). */
    void account(long waitedNanos, int bytes) {
        this.waitedNanos += waitedNanos;
        if (bytes > 0) {
            received += bytes;
        }
    }

    /**
     * The longest the next read may wait. At least 1 ms even when the allowance is spent, so the
     * read still takes bytes that are already there and an empty socket times out through the
     * usual path (the input records the failure, and the exchange answers {@code 408}).
     */
    int nextTimeoutMillis() {
        if (minRate == 0) {
            return readTimeoutMillis;
        }
        long left = allowedNanos() - waitedNanos;
        return (int) Math.clamp(left / 1_000_000, 1, readTimeoutMillis);
    }

    private long allowedNanos() {
        long seconds = received / minRate;
        if (seconds >= Long.MAX_VALUE / NANOS_PER_SECOND) {
            return Long.MAX_VALUE;
        }
        long earned = seconds * NANOS_PER_SECOND + received % minRate * NANOS_PER_SECOND / minRate;
        return Math.min(Long.MAX_VALUE - graceNanos, earned) + graceNanos;
    }
}
