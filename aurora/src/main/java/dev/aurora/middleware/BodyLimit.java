package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.server.ExchangeAccess;

/**
 * A smaller request body limit for some routes than the server's {@code maxBodySize}: an upload
 * route may take the server's 10 MiB while a login form takes 4 KiB.
 *
 * <pre>{@code
 * app.post("/login", login, BodyLimit.of(4 * 1024));
 * }</pre>
 *
 * <p>A {@code Content-Length} over the limit is answered {@code 413} before any body byte is
 * read, and the connection is kept when the unread body is small enough to skip
 * ({@code maxDrainSize}). A chunked body is refused with {@code 413} as soon as its chunk sizes pass
 * the limit, and the connection is closed. The limit can only lower the server's, never raise it.
 */
public final class BodyLimit implements Middleware {
    private final long maxBytes;

    private BodyLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param maxBytes the most body bytes the route accepts, {@code >= 0}
     * @return the middleware
     */
    public static BodyLimit of(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        return new BodyLimit(maxBytes);
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        ExchangeAccess.limitBody(ctx, maxBytes);
        next.handle(ctx);
    }
}
