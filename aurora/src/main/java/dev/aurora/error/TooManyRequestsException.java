package dev.aurora.error;

import java.util.Map;

/** {@code 429}: the client sent too many requests. */
public class TooManyRequestsException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 429 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public TooManyRequestsException(String message) {
        super(429, message);
    }

    /**
     * A 429 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public TooManyRequestsException(String message, Map<String, ?> details) {
        super(429, message, details);
    }
}
