package dev.aurora.internal.server;

import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.middleware.BodyLimit;
import java.util.List;

/**
 * Routes whose {@link BodyLimit} raises the request body limit above the server's
 * {@code maxBodySize}. The limit is per exchange: it starts at {@code maxBodySize}, a
 * {@code BodyLimit} in the route's chain sets it (higher or lower), and the body stream reads
 * it. Before routing no route is known, so the pre-routing {@code Content-Length} check uses the
 * largest limit any route has ({@link #largest}); a route that did not raise it then refuses a
 * larger declared body itself, just before its handler runs ({@link #enforced}), so it still gets
 * its {@code 413} before any body byte is read.
 *
 * <p>Used on the application's thread while the routes are built; the handlers it returns run on
 * connection threads.
 */
public final class RouteBodyLimits {
    private RouteBodyLimits() {
    }

    /** The largest limit a {@link BodyLimit} in {@code chain} sets, or {@code floor} if none is larger. */
    public static long largest(List<Middleware> chain, long floor) {
        long largest = floor;
        for (Middleware m : chain) {
            if (m instanceof BodyLimit limit) {
                largest = Math.max(largest, limit.maxBytes());
            }
        }
        return largest;
    }

    /** {@code handler}, after refusing ({@code 413}) a declared body over the request's limit as its chain left it. */
    public static Handler enforced(Handler handler) {
        return ctx -> {
            if (ctx instanceof Exchange exchange) {
                exchange.requestBody().checkDeclaredLength();
            }
            handler.handle(ctx);
        };
    }
}
