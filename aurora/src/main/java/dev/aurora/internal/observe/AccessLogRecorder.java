package dev.aurora.internal.observe;

import dev.aurora.Context;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The access log of one connection: one INFO event per request, answered or failed, on the
 * application's access logger. The event carries each field as an SLF4J key-value pair, so a JSON
 * encoder (Logback's {@code JsonEncoder}) writes them as structured fields, and a short message
 * for plain layouts: {@code GET /users/42 200 153µs}.
 *
 * <p>A request whose head cannot be parsed is logged by {@link #rejected}, with what is known.
 *
 * <p>A request is recorded in three steps: {@link #start} when its first bytes are buffered,
 * {@link #capture} after the handler (while the request head is still readable in the input
 * buffer), {@link #emit} once the response is finished, so the byte count includes the end of a
 * streamed body. Fields absent from the request (no route, no {@code User-Agent}, no
 * {@code traceparent}) are left out. The fields live here between the steps, one instance per
 * connection, so recording allocates only what the logging event itself needs.
 *
 * <p>Runs on the connection's virtual thread.
 */
public final class AccessLogRecorder {
    private final Logger log;
    private long startNanos;
    private String method;
    private String path;
    private String route;
    private String userAgent;
    private String requestId;
    private TraceParent trace;
    private long bytesIn;

    public AccessLogRecorder(Logger log) {
        this.log = log;
    }

    /** The request's first bytes are here: its duration starts now. */
    public void start() {
        startNanos = System.nanoTime();
    }

    /**
     * Reads what the log line needs from the request, before the input buffer moves on.
     *
     * @param trace the request's valid trace context, or null
     * @param bytesIn the request's bytes as framed: head and body
     */
    public void capture(Context exchange, TraceParent trace, long bytesIn) {
        if (!log.isInfoEnabled()) {
            method = null;
            return;
        }
        method = exchange.method();
        path = exchange.path();
        route = exchange.routePattern();
        userAgent = exchange.header("User-Agent");
        requestId = exchange.requestId();
        this.trace = trace;
        this.bytesIn = bytesIn;
    }

    /**
     * Logs a request refused while its head was read ({@code 400}, {@code 413}, {@code 414},
     * {@code 431}, {@code 408}...): no method, path or request id is known, so the message reads
     * {@code - - 431 52µs} and the event has only status, duration, bytes out and remote.
     */
    public void rejected(int status, long bytesOut, String remote) {
        if (!log.isInfoEnabled()) {
            return;
        }
        long micros = (System.nanoTime() - startNanos) / 1000;
        log.atInfo()
                .setMessage("- - {} {}µs")
                .addArgument(status)
                .addArgument(micros)
                .addKeyValue("status", status)
                .addKeyValue("durationUs", micros)
                .addKeyValue("bytesOut", bytesOut)
                .addKeyValue("remote", remote)
                .log();
    }

    /**
     * Logs the captured request with the response's status and size.
     *
     * @param remote the client's address as text
     */
    public void emit(int status, long bytesOut, String remote) {
        if (method == null) {
            return;
        }
        long micros = (System.nanoTime() - startNanos) / 1000;
        LoggingEventBuilder event = log.atInfo()
                .setMessage("{} {} {} {}µs")
                .addArgument(method)
                .addArgument(path)
                .addArgument(status)
                .addArgument(micros)
                .addKeyValue("method", method)
                .addKeyValue("path", path)
                .addKeyValue("status", status)
                .addKeyValue("durationUs", micros)
                .addKeyValue("bytesIn", bytesIn)
                .addKeyValue("bytesOut", bytesOut)
                .addKeyValue("remote", remote)
                .addKeyValue("requestId", requestId);
        if (route != null) {
            event.addKeyValue("route", route);
        }
        if (userAgent != null) {
            event.addKeyValue("userAgent", userAgent);
        }
        if (trace != null) {
            event.addKeyValue("traceId", trace.traceId()).addKeyValue("spanId", trace.spanId());
        }
        event.log();
        method = null;
    }
}
