package dev.aurora.error;

import java.util.Map;

/** {@code 428}: the route only changes the resource under a precondition (RFC 6585): send
 * {@code If-Match} with the {@code ETag} last read. */
public class PreconditionRequiredException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 428 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public PreconditionRequiredException(String message) {
        super(428, message);
    }

    /**
     * A 428 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public PreconditionRequiredException(String message, Map<String, ?> details) {
        super(428, message, details);
    }
}
