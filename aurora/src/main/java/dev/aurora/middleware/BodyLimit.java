package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.server.ExchangeAccess;

/**
 * A route's own request body limit, above or below the server's {@code maxBodySize}: the upload
 * route may take 50 MiB while every other route keeps the server's 1 MiB, and a login form 4 KiB.
 *
 * <pre>{@code
 * Aurora app = Aurora.create(ServerConfig.defaults().withMaxBodySize(1024 * 1024));
 * app.post("/upload", upload, BodyLimit.of(50L * 1024 * 1024));   // raises it for this route only
 * app.post("/login", login, BodyLimit.of(4 * 1024));             // lowers it
 * }</pre>
 *
 * <p>A {@code Content-Length} over the limit is answered {@code 413} before any body byte is
 * read, and the connection is kept when the unread body is small enough to skip
 * ({@code maxDrainSize}). A chunked body is refused with {@code 413} as soon as its chunk sizes pass
 * the limit, and the connection is closed.
 *
 * <p><b>Raising.</b> The limit belongs to the request: it starts at {@code maxBodySize} and this
 * middleware sets it, higher or lower; where several apply (application, router, route), the one
 * that runs last, the most specific, wins. Before routing the server cannot know the route, so it
 * lets a declared length through up to the largest limit any route's {@code BodyLimit} sets;
 * every other route then refuses a declared length over {@code maxBodySize} with {@code 413}
 * just before its handler runs, still before any body byte is read. Middleware that runs before
 * this one and reads the body gets the server's limit. The raise is seen at start, so register
 * {@code BodyLimit} itself on the route, router or application (not wrapped in another middleware)
 * when it raises the limit.
 */
public final class BodyLimit implements Middleware {
    private final long maxBytes;

    private BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * A limit for the routes this middleware is registered on.
     *
     * @param maxBytes the most body bytes the route accepts, {@code >= 0}; may exceed {@code maxBodySize}
     * @return the middleware
     */
    public static BodyLimit of(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        return new BodyLimit(maxBytes);
    }

    /**
     * The limit, as start reads it to know how large a body to let through before routing.
     *
     * @return the most body bytes the route accepts
     */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        ExchangeAccess.limitBody(ctx, maxBytes);
        next.handle(ctx);
    }
}
