package dev.aurora.error;

import java.util.Map;

/** {@code 401}: the request lacks valid authentication. */
public class UnauthorizedException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a short, client-safe explanation
     */
    public UnauthorizedException(String message) {
        super(401, message);
    }

    /**
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public UnauthorizedException(String message, Map<String, ?> details) {
        super(401, message, details);
    }
}
