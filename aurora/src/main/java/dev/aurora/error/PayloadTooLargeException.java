package dev.aurora.error;

import java.util.Map;

/** {@code 413}: the request body is larger than allowed. */
public class PayloadTooLargeException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 413 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public PayloadTooLargeException(String message) {
        super(413, message);
    }

    /**
     * A 413 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public PayloadTooLargeException(String message, Map<String, ?> details) {
        super(413, message, details);
    }
}
