package dev.aurora.error;

import java.util.Map;

/** {@code 405}: the resource exists but not for this method. */
public class MethodNotAllowedException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 405 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public MethodNotAllowedException(String message) {
        super(405, message);
    }

    /**
     * A 405 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public MethodNotAllowedException(String message, Map<String, ?> details) {
        super(405, message, details);
    }
}
