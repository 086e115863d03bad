package dev.aurora.internal.routing;

import dev.aurora.Handler;
import dev.aurora.Middleware;
import java.util.List;

/**
 * Composes middleware and a handler into one {@link Handler}, once at start: each link is a lambda
 * that captures the next, so running the chain per request allocates nothing. Called on the
 * starting thread.
 */
public final class MiddlewareChain {
    private MiddlewareChain() {
    }

    /** {@code middleware[0]} runs first and calls the rest through {@code next}; the handler runs last. */
    public static Handler compose(List<Middleware> middleware, Handler handler) {
        Handler next = handler;
        for (int i = middleware.size() - 1; i >= 0; i--) {
            Middleware link = middleware.get(i);
            Handler rest = next;
            next = ctx -> link.handle(ctx, rest);
        }
        return next;
    }
}
