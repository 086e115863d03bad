package dev.aurora.error;

import java.util.Map;

/** {@code 409}: the request conflicts with the resource's current state. */
public class ConflictException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 409 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public ConflictException(String message) {
        super(409, message);
    }

    /**
     * A 409 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public ConflictException(String message, Map<String, ?> details) {
        super(409, message, details);
    }
}
