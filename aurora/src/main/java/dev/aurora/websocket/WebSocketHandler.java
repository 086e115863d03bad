package dev.aurora.websocket;

/**
 * Serves one WebSocket connection, registered with {@code app.ws(path, handler)}. Runs on the
 * connection's virtual thread after the upgrade succeeded; the connection lives until this method
 * returns (or throws), and is then closed with a close handshake.
 *
 * <pre>{@code
 * app.ws("/echo", ws -> {
 *     for (Message m; (m = ws.receive()) instanceof Message.Data; ) {
 *         switch (m) {
 *             case Message.Text t -> ws.send(t.text());
 *             case Message.Binary b -> ws.send(b.data());
 *             default -> { }
 *         }
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface WebSocketHandler {
    /**
     * Talks to the client through {@code ws}, here or by handing it to other threads (then
     * {@link WebSocket#awaitClose()} keeps the connection open until it closes).
     *
     * @param ws the open connection
     * @throws Exception anything; the connection then closes with {@code 1011} (internal error)
     *     and the exception is logged
     */
    void handle(WebSocket ws) throws Exception;
}
