package dev.aurora.error;

import java.util.Map;

/** {@code 422}: the request is well-formed but its content is invalid. */
public class UnprocessableEntityException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 422 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public UnprocessableEntityException(String message) {
        super(422, message);
    }

    /**
     * A 422 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public UnprocessableEntityException(String message, Map<String, ?> details) {
        super(422, message, details);
    }
}
