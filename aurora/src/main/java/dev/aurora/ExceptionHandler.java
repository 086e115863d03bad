package dev.aurora;

/**
 * Turns an exception thrown by a handler or middleware into a response. Registered with
 * {@link Aurora#exception(Class, ExceptionHandler)}; the handler registered for the most specific
 * type wins.
 *
 * @param <T> the exception type handled
 */
@FunctionalInterface
public interface ExceptionHandler<T extends Throwable> {
    /**
     * Answers the request that failed with {@code exception}, through {@code ctx}.
     *
     * @param exception what was thrown
     * @param ctx the exchange; its response has not been sent (or was discarded)
     * @throws Exception if answering fails; then the default error response is sent
     */
    void handle(T exception, Context ctx) throws Exception;
}
