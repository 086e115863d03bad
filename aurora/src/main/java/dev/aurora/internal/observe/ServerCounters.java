package dev.aurora.internal.observe;

import dev.aurora.ServerStats;
import dev.aurora.internal.mem.BufferPool;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * The server's always-on counters: connections accepted, rejected and timed out, requests, bytes
 * read and written, parse errors by status. Each is a {@link LongAdder}, so an increment is a
 * few nanoseconds, allocates nothing and does not contend across carriers; sums are taken only
 * when someone reads them ({@link #snapshot}, or a meter registry at scrape time).
 *
 * <p>The gauges are not counted here but read from where they already live: open connections
 * from the {@link ConnectionRegistry}, active requests as started minus completed, buffer pool
 * figures from the {@link BufferPool}. Increments run on acceptor, connection and watchdog
 * threads; reads on any thread.
 */
public final class ServerCounters {
    /** The statuses a malformed or refused request can get before or while it is read. */
    private static final int[] PARSE_STATUSES = {400, 408, 413, 414, 417, 431, 501, 505};

    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder requestsRejected = new LongAdder();
    private final LongAdder started = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final LongAdder bytesRead = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    /** One per {@link #PARSE_STATUSES} entry, then one for any other status. */
    private final LongAdder[] parseErrors = new LongAdder[PARSE_STATUSES.length + 1];
    private volatile IntSupplier connections;
    private volatile BufferPool buffers;

    public ServerCounters() {
        for (int i = 0; i < parseErrors.length; i++) {
            parseErrors[i] = new LongAdder();
        }
    }

    /**
     * Called by the runtime that owns these counters, for the gauges.
     *
     * @param connections how many connections are open right now
     */
    public void attach(IntSupplier connections, BufferPool buffers) {
        this.connections = connections;
        this.buffers = buffers;
    }

    public void connectionAccepted() {
        accepted.increment();
    }

    public void connectionRejected() {
        rejected.increment();
    }

    public void connectionTimedOut() {
        timedOut.increment();
    }

    /** A request refused with {@code 503} because {@code maxConcurrentRequests} handlers ran. */
    public void requestRejected() {
        requestsRejected.increment();
    }

    public long requestsRejected() {
        return requestsRejected.sum();
    }

    public void requestStarted() {
        started.increment();
    }

    /** A request is done; {@code read} and {@code written} are the bytes it moved. */
    public void requestCompleted(long read, long written) {
        completed.increment();
        bytesTransferred(read, written);
    }

    /** Bytes that belong to no completed request (a refused head, a connection's last reads). */
    public void bytesTransferred(long read, long written) {
        if (read != 0) {
            bytesRead.add(read);
        }
        if (written != 0) {
            bytesWritten.add(written);
        }
    }

    /** A request refused as malformed, too large or too slow, answered with {@code status}. */
    public void parseError(int status) {
        parseErrors[parseIndex(status)].increment();
        if (status == 408) {
            timedOut.increment();
        }
    }

    private static int parseIndex(int status) {
        for (int i = 0; i < PARSE_STATUSES.length; i++) {
            if (PARSE_STATUSES[i] == status) {
                return i;
            }
        }
        return PARSE_STATUSES.length;
    }

    public long connectionsAccepted() {
        return accepted.sum();
    }

    public long connectionsRejected() {
        return rejected.sum();
    }

    public long connectionsTimedOut() {
        return timedOut.sum();
    }

    public long activeConnections() {
        IntSupplier c = connections;
        return c == null ? 0 : c.getAsInt();
    }

    /** Completed first, so a request finishing in between never makes the result negative. */
    public long activeRequests() {
        long done = completed.sum();
        return Math.max(0, started.sum() - done);
    }

    public long requests() {
        return completed.sum();
    }

    public long bytesRead() {
        return bytesRead.sum();
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    /** The statuses that have their own parse error count; any other is counted under 0. */
    public static int[] parseStatuses() {
        return PARSE_STATUSES.clone();
    }

    /** Parse errors answered with {@code status}; 0 (or any status not listed) reads the rest. */
    public long parseErrors(int status) {
        return parseErrors[parseIndex(status)].sum();
    }

    /** The buffer pool's figures; all zero before a server was built. */
    public BufferPool.Stats bufferStats() {
        BufferPool pool = buffers;
        return pool == null ? new BufferPool.Stats(0, 0, 0, 0, 0, 0, 0, 0) : pool.stats();
    }

    /** All counters as one immutable value. */
    public ServerStats snapshot() {
        Map<Integer, Long> errors = new LinkedHashMap<>();
        for (int status : PARSE_STATUSES) {
            errors.put(status, parseErrors(status));
        }
        errors.put(0, parseErrors[PARSE_STATUSES.length].sum());
        BufferPool.Stats b = bufferStats();
        return new ServerStats(activeConnections(), activeRequests(), connectionsAccepted(), connectionsRejected(),
                connectionsTimedOut(), requests(), requestsRejected(), bytesRead(), bytesWritten(), errors,
                new ServerStats.Buffers(b.hits(), b.misses(), b.fallbacks(), b.oversize(), b.outstanding(),
                        b.retained()));
    }
}
