package dev.aurora.sse;

import dev.aurora.Context;

/**
 * Produces one Server-Sent Events stream, started by {@link Context#sse(SseHandler)}. Runs on the
 * connection's virtual thread; the stream stays open until this method returns (or throws), the
 * emitter is closed, or the client goes away.
 *
 * <pre>{@code
 * app.get("/ticks", ctx -> ctx.sse(events -> {
 *     for (int i = 0; events.isOpen(); i++) {
 *         events.send("tick", Integer.toString(i));
 *         Thread.sleep(1000);
 *     }
 * }));
 * }</pre>
 */
@FunctionalInterface
public interface SseHandler {
    /**
     * Sends events through {@code events}, here or by handing it to other threads (then
     * {@link SseEmitter#awaitClose()} keeps the stream open until they are done).
     *
     * @param events the stream's emitter
     * @throws Exception anything; after the stream started, an exception ends it abruptly (the
     *     connection closes without the end of the body) and is logged
     */
    void handle(SseEmitter events) throws Exception;
}
