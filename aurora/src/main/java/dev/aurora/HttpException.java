package dev.aurora;

/**
 * Ends a request with an HTTP error status. Thrown from a handler, it is answered with
 * {@link #status()} and the message as a short text body, without logging a stack trace.
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status an error status, 400-599
     * @param message a short, client-safe explanation sent as the response body
     */
    public HttpException(int status, String message) {
        this(status, message, true);
    }

    /**
     * For subclasses thrown on hostile input, where filling in a stack trace is wasted work.
     *
     * @param status an error status, 400-599
     * @param message a short, client-safe explanation
     * @param stackTrace whether to record the stack trace
     */
    protected HttpException(int status, String message, boolean stackTrace) {
        super(message, null, false, stackTrace);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400-599: " + status);
        }
        this.status = status;
    }

    /** @return the HTTP status to answer with */
    public int status() {
        return status;
    }
}
