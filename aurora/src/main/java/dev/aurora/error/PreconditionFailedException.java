package dev.aurora.error;

import java.util.Map;

/** {@code 412}: a precondition of the request ({@code If-Match}, {@code If-Unmodified-Since}, ...)
 * does not hold for the current state of the resource. */
public class PreconditionFailedException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 412 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public PreconditionFailedException(String message) {
        super(412, message);
    }

    /**
     * A 412 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public PreconditionFailedException(String message, Map<String, ?> details) {
        super(412, message, details);
    }
}
