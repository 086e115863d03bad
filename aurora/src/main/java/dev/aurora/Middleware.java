package dev.aurora;

/**
 * Wraps request handling: runs code before and after the rest of the chain, or answers by itself
 * and does not call {@code next} at all (an authentication check, say).
 *
 * <pre>{@code
 * app.use((ctx, next) -> {
 *     long start = System.nanoTime();
 *     next.handle(ctx);
 *     log(ctx.method(), ctx.path(), System.nanoTime() - start);
 * });
 * }</pre>
 *
 * <p>Middleware runs in registration order: application-wide ({@link Aurora#use}) first, then
 * each enclosing {@link Router}'s from the outside in, then the route's own. Application-wide
 * middleware also sees requests no route matches (404, 405, OPTIONS). Exceptions propagate to the
 * application's exception handling. Chains are composed once at start, so calling {@code next}
 * costs a method call, not an allocation.
 */
@FunctionalInterface
public interface Middleware {
    /**
     * Handles one request: calls {@code next.handle(ctx)} to go on down the chain, or answers
     * through {@code ctx} without calling it.
     *
     * @param ctx the exchange
     * @param next the rest of the chain: later middleware, then the handler
     * @throws Exception anything; handled like a handler's exception
     */
    void handle(Context ctx, Handler next) throws Exception;
}
