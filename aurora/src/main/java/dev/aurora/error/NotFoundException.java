package dev.aurora.error;

import java.util.Map;

/** {@code 404}: the resource does not exist. */
public class NotFoundException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 404 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public NotFoundException(String message) {
        super(404, message);
    }

    /**
     * A 404 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public NotFoundException(String message, Map<String, ?> details) {
        super(404, message, details);
    }
}
