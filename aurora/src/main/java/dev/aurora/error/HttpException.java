package dev.aurora.error;

import dev.aurora.internal.http.ResponseHeaders;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a request with an HTTP error status. Thrown from a handler or middleware, it is answered
 * with {@link #status()}, the message as the problem {@code detail}, and any {@link #details()} as
 * extension members of the RFC 9457 problem body, plus any {@link #headers()}; no stack trace is
 * logged.
 *
 * <p>The subclasses in this package name the common statuses ({@link NotFoundException},
 * {@link BadRequestException}, ...).
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The response status, 400-599. */
    private final int status;
    private final transient Map<String, Object> details;
    private transient Map<String, String> headers = Map.of();
    /** Set by {@link #initCause}: the constructors pass no cause, so Throwable's own would refuse one. */
    private volatile Throwable cause;

    /**
     * An error with this status and message, no extension members.
     *
     * @param status an error status, 400-599
     * @param message a short, client-safe explanation (the problem {@code detail})
     */
    public HttpException(int status, String message) {
        this(status, message, Map.of());
    }

    /**
     * An error with this status, message and extension members.
     *
     * @param status an error status, 400-599
     * @param message a short, client-safe explanation (the problem {@code detail})
     * @param details extension members for the problem body, e.g. field errors; copied
     */
    public HttpException(int status, String message, Map<String, ?> details) {
        this(status, message, details, true);
    }

    /**
     * For subclasses thrown on hostile input, where filling in a stack trace is wasted work.
     *
     * @param status an error status, 400-599
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body; copied
     * @param stackTrace whether to record the stack trace
     */
    protected HttpException(int status, String message, Map<String, ?> details, boolean stackTrace) {
        super(message, null, false, stackTrace);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400-599: " + status);
        }
        this.status = status;
        this.details = details.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** {@return the HTTP status to answer with} */
    public int status() {
        return status;
    }

    /** {@return extension members for the problem body, in insertion order; empty if none} */
    public Map<String, Object> details() {
        return details;
    }

    /**
     * Adds a header to the error response, such as {@code Retry-After} on a {@code 429} or
     * {@code WWW-Authenticate} on a {@code 401}. Meant for the throwing site, before the exception
     * is thrown: {@code throw new TooManyRequestsException("slow down").header("Retry-After", "3")}.
     *
     * @param name a header name (a token)
     * @param value the value, without control characters
     * @return this exception
     * @throws IllegalArgumentException for an invalid name or value
     */
    public HttpException header(String name, String value) {
        ResponseHeaders.checkField(name, value);
        if (headers.isEmpty()) {
            headers = new LinkedHashMap<>(4);
        }
        headers.put(name, value);
        return this;
    }

    /**
     * Records what caused this error, for logs and debugging; it is never sent to the client. Works
     * as {@link Throwable#initCause} does (once, and not this exception itself), which the
     * constructors, passing no cause, would otherwise refuse.
     *
     * @param cause the cause, or null
     * @return this exception
     * @throws IllegalStateException if a cause was set already
     * @throws IllegalArgumentException if {@code cause} is this exception
     */
    @Override
    public Throwable initCause(Throwable cause) {
        if (cause == this) {
            throw new IllegalArgumentException("an exception cannot be its own cause");
        }
        if (this.cause != null) {
            throw new IllegalStateException("the cause is set already", this);
        }
        this.cause = cause;
        return this;
    }

    /** {@return the cause recorded with {@link #initCause}, or null} */
    @Override
    public Throwable getCause() {
        return cause;
    }

    /** {@return the headers to add to the error response, in insertion order; empty if none} */
    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
