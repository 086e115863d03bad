package dev.aurora.error;

import java.util.Map;

/** {@code 503}: the server cannot handle the request right now. */
public class ServiceUnavailableException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 503 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public ServiceUnavailableException(String message) {
        super(503, message);
    }

    /**
     * A 503 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public ServiceUnavailableException(String message, Map<String, ?> details) {
        super(503, message, details);
    }
}
