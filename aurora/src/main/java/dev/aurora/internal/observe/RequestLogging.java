package dev.aurora.internal.observe;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an application logs per request, fixed at start: whether request ids are echoed and put in
 * the MDC (with the trace context), and the access log's logger, if any. Both are off by default,
 * so a request that needs neither pays one branch for each.
 *
 * @param requestIds echo {@code X-Request-Id} and fill the MDC for the handler's duration
 * @param accessLog the logger of the access log, or null for none
 */
public record RequestLogging(boolean requestIds, Logger accessLog) {
    /** The access log's logger unless the application names another. */
    public static final String ACCESS_LOGGER = "dev.aurora.access";
    /** Nothing per request. */
    public static final RequestLogging OFF = new RequestLogging(false, null);

    /** @return a copy with request ids echoed and in the MDC */
    public RequestLogging withRequestIds() {
        return new RequestLogging(true, accessLog);
    }

    /**
     * @param loggerName the logger the access log writes to
     * @return a copy with the access log on
     */
    public RequestLogging withAccessLog(String loggerName) {
        Objects.requireNonNull(loggerName, "loggerName");
        return new RequestLogging(requestIds, LoggerFactory.getLogger(loggerName));
    }
}
