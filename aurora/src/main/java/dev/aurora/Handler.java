package dev.aurora;

/**
 * Handles one request. Runs on the connection's virtual thread, so it may block freely (JDBC, files,
 * outbound HTTP) without holding up other connections.
 */
@FunctionalInterface
public interface Handler {
    /**
     * Handles the request in {@code ctx}; a response is sent through the context. If the handler
     * returns without sending, an empty response with the current status is sent. An exception is
     * answered with {@code 500} (or the status of an {@link dev.aurora.error.HttpException}).
     *
     * @param ctx the request and response of this exchange
     * @throws Exception anything; it is logged and answered, never lost
     */
    void handle(Context ctx) throws Exception;
}
