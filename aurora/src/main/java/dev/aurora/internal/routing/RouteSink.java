package dev.aurora.internal.routing;

import dev.aurora.Handler;
import dev.aurora.Middleware;
import java.util.List;

/**
 * Receives the flattened routes of an application at start: full pattern (all prefixes joined)
 * and the whole middleware chain (outermost first). Called on the thread that starts the server.
 */
@FunctionalInterface
public interface RouteSink {
    void route(String method, String pattern, List<Middleware> middleware, Handler handler, String site);
}
