package dev.aurora.error;

import java.util.Map;

/**
 * {@code 415}: the request body's {@code Content-Type} is not one the route reads. {@link
 * #expected} says which ones it does in {@code Accept-Post} or {@code Accept-Patch}; otherwise add
 * them with {@link #header(String, String)}.
 */
public class UnsupportedMediaTypeException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * A 415 with this message as the problem {@code detail}.
     *
     * @param message a short, client-safe explanation
     */
    public UnsupportedMediaTypeException(String message) {
        super(415, message);
    }

    /**
     * A 415 with this message as the problem {@code detail} and these extension members.
     *
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public UnsupportedMediaTypeException(String message, Map<String, ?> details) {
        super(415, message, details);
    }

    /**
     * A refusal that names what the route reads and what it got: {@code "Expected a JSON body
     * (application/json), got text/plain"}. For {@code POST} it lists the accepted types in {@code
     * Accept-Post}, for {@code PATCH} in {@code Accept-Patch} (RFC 5789 section 3.1).
     *
     * @param method the request method
     * @param contentType the request's media type without parameters, or null if it sent none
     * @param body what the route reads, with its article: {@code "a JSON body"}
     * @param accepted the media types the route reads, e.g. {@code application/json}
     * @return the exception, to throw
     */
    public static UnsupportedMediaTypeException expected(String method, String contentType, String body,
            String accepted) {
        var refusal = new UnsupportedMediaTypeException("Expected " + body + " (" + accepted + "), got "
                + (contentType == null ? "no Content-Type" : contentType));
        if ("POST".equals(method)) {
            refusal.header("Accept-Post", accepted);
        } else if ("PATCH".equals(method)) {
            refusal.header("Accept-Patch", accepted);
        }
        return refusal;
    }
}
