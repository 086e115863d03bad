package dev.aurora.error;

import java.util.Map;

/** {@code 401}: the request lacks valid authentication. */
public class UnauthorizedException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 401 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public UnauthorizedException(String message) {
        super(401, message);
    }

    /**
     * A 401 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public UnauthorizedException(String message, Map<String, ?> details) {
        super(401, message, details);
    }
}
