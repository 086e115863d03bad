package dev.aurora.internal.observe;

import org.slf4j.MDC;

/**
 * Puts the request id and, when the client sent a valid {@code traceparent}, the trace and span
 * ids into the SLF4J MDC while a request's handler and error handling run, and takes them out
 * again after, so nothing carries over to the next request on the same virtual thread. Only the
 * keys put here are removed: whatever else a handler or the caller's thread put stays theirs.
 *
 * <p>Runs on the connection's virtual thread.
 */
public final class RequestMdc {
    static final String REQUEST_ID = "requestId";
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private RequestMdc() {
    }

    /** @param trace the request's valid trace context, or null */
    public static void open(String requestId, TraceParent trace) {
        MDC.put(REQUEST_ID, requestId);
        if (trace != null) {
            MDC.put(TRACE_ID, trace.traceId());
            MDC.put(SPAN_ID, trace.spanId());
        }
    }

    public static void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(TRACE_ID);
        MDC.remove(SPAN_ID);
    }
}
