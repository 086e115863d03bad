package dev.aurora.error;

import java.util.Map;

/** {@code 403}: the client is authenticated but not allowed to do this. */
public class ForbiddenException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 403 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public ForbiddenException(String message) {
        super(403, message);
    }

    /**
     * A 403 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public ForbiddenException(String message, Map<String, ?> details) {
        super(403, message, details);
    }
}
