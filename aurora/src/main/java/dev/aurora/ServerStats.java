package dev.aurora;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The server's counters at one moment, from {@link Aurora#stats()}: no meter registry needed.
 * Counts start at zero when the application is created and only grow; the two {@code active}
 * figures and the buffer figures are gauges. Counters are read one after another while the
 * server runs, so a snapshot is consistent per counter, not across counters.
 *
 * @param activeConnections connections open now (idle keep-alive connections included)
 * @param activeRequests requests being served now
 * @param connectionsAccepted connections admitted
 * @param connectionsRejected connections refused with {@code 503} (or closed) because
 *     {@link ServerConfig#maxConnections()} were open
 * @param connectionsTimedOut connections ended by a timeout while a request was on them: the
 *     request head ({@code 408}), a body read ({@code 408}) or a write; an idle keep-alive
 *     connection closed by {@link ServerConfig#keepAliveTimeout()} is not counted
 * @param requests requests served to the end (whatever their status)
 * @param requestsRejected requests answered {@code 503} without running their handler because
 *     {@link ServerConfig#maxConcurrentRequests()} handlers were running (and the wait queue, if
 *     any, was full or its wait ran out); counted in {@code requests} too
 * @param bytesRead bytes received from clients
 * @param bytesWritten bytes sent to clients
 * @param parseErrors requests refused as malformed, too large or too slow, by the status they got
 *     ({@code 400}, {@code 408}, {@code 413}, {@code 414}, {@code 417}, {@code 431}, {@code 501},
 *     {@code 505}; any other under key {@code 0}); every key is present
 * @param buffers the server's buffer pool
 */
public record ServerStats(long activeConnections, long activeRequests, long connectionsAccepted,
        long connectionsRejected, long connectionsTimedOut, long requests, long requestsRejected, long bytesRead,
        long bytesWritten, Map<Integer, Long> parseErrors, Buffers buffers) {

    /** Copies {@code parseErrors} (sorted by status), so the record is immutable. */
    public ServerStats {
        parseErrors = Collections.unmodifiableMap(new TreeMap<>(parseErrors));
        Objects.requireNonNull(buffers, "buffers");
    }

    /**
     * {@return the requests refused with that status before a handler ran; 0 for a status not counted}
     *
     * @param status an HTTP status
     */
    public long parseErrors(int status) {
        return parseErrors.getOrDefault(status, 0L);
    }

    /** {@return all parse errors, whatever their status} */
    public long parseErrorsTotal() {
        return parseErrors.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The server's pool of read and write buffers.
     *
     * @param hits acquires served by a free pooled buffer
     * @param misses acquires that created a new pooled buffer
     * @param fallbacks acquires that got an unpooled buffer because the pool was exhausted
     * @param oversize acquires larger than the largest pooled size
     * @param outstanding buffers leased now
     * @param retained free pooled buffers held now
     */
    public record Buffers(long hits, long misses, long fallbacks, long oversize, long outstanding, long retained) {
    }
}
