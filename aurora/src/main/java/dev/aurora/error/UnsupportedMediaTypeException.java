package dev.aurora.error;

import java.util.Map;

/** {@code 415}: the request body's {@code Content-Type} is not one the route reads. Add {@code Accept-Post} or
 * {@code Accept-Patch} with {@link #header(String, String)} to say which ones it does. */
public class UnsupportedMediaTypeException extends HttpException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message a short, client-safe explanation
     */
    public UnsupportedMediaTypeException(String message) {
        super(415, message);
    }

    /**
     * @param message a short, client-safe explanation
     * @param details extension members for the problem body
     */
    public UnsupportedMediaTypeException(String message, Map<String, ?> details) {
        super(415, message, details);
    }
}
