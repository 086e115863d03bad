package dev.aurora.error;

import java.util.Map;

/** {@code 400}: the request is malformed or invalid. */
public class BadRequestException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 400 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public BadRequestException(String message) {
        super(400, message);
    }

    /**
     * A 400 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public BadRequestException(String message, Map<String, ?> details) {
        super(400, message, details);
    }
}
