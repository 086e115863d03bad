package dev.aurora.internal.server;

import dev.aurora.Context;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.RequestView;
import dev.aurora.internal.http.ResponseEncoding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;

/**
 * What built-in middleware may do to the server's own context beyond the public {@link Context}
 * API.
 */
public final class ExchangeAccess {
    private ExchangeAccess() {
    }

    /** Records what a trusted proxy said about the original request ({@code ForwardedHeaders}). */
    public static void origin(Context ctx, InetSocketAddress client, String scheme, String host) {
        exchange(ctx, "ForwardedHeaders").origin(client, scheme, host);
    }

    /**
     * Keeps every response header set so far on an error response that replaces this one, so
     * security and CORS headers stay on a {@code 500} from a failed handler. Does nothing for a
     * context that is not the server's (a test double, say).
     */
    public static void keepHeadersOnError(Context ctx) {
        if (ctx instanceof Exchange exchange) {
            exchange.response().keepOnError();
        }
    }

    /**
     * Reads the body as JSON refusing every coercion ({@code Validated.body}); a context that is
     * not the server's (a test double) reads it with {@link Context#bodyAs(Class)}.
     */
    public static <T> T strictBody(Context ctx, Class<T> type) {
        return ctx instanceof Exchange exchange ? exchange.readBody(type, true) : ctx.bodyAs(type);
    }

    /** Sets the current request's body limit, above or below the server's ({@code BodyLimit}). */
    public static void limitBody(Context ctx, long max) {
        exchange(ctx, "BodyLimit").requestBody().limit(max);
    }

    /**
     * Sends part of a file as the whole response body, zero-copy when the connection allows it.
     *
     * @return false, having changed nothing, when it does not (the caller then streams the file)
     */
    public static boolean sendFile(Context ctx, FileChannel file, long position, long count) throws IOException {
        return ctx instanceof Exchange exchange && exchange.sendFile(file, position, count);
    }

    /** The request's line and fields on the connection's bytes, for middleware that parses them without allocating. */
    public static RequestView request(Context ctx, String who) {
        return exchange(ctx, who).request();
    }

    /** The query as sent, non-ASCII bytes escaped, or null: for a redirect to the same target elsewhere. */
    public static String rawQuery(Context ctx, String who) {
        return exchange(ctx, who).rawQuery();
    }

    /** Lets the current response be encoded ({@code Compression}). */
    public static void encoding(Context ctx, ResponseEncoding encoding) {
        exchange(ctx, "Compression").encoding(encoding);
    }

    /**
     * Whether {@code Compression} may encode the current response, and so weaken its strong
     * {@code ETag}; false for a context that is not the server's.
     */
    public static boolean encodingOffered(Context ctx) {
        return ctx instanceof Exchange exchange && exchange.writer().encodingOffered();
    }

    /**
     * Takes the connection over for another protocol ({@code WebSocket}): the caller writes the
     * {@code 101} to the output returned; once the handler chain has returned, the connection runs
     * {@code upgrade} without the HTTP workspace, then closes.
     */
    public static OutputBuffer takeOver(Context ctx, String who, Upgrade upgrade) {
        return exchange(ctx, who).takeOver(upgrade);
    }

    /** @throws IllegalStateException naming {@code who} if {@code ctx} is not the server's own context */
    static Exchange exchange(Context ctx, String who) {
        if (!(ctx instanceof Exchange exchange)) {
            throw new IllegalStateException(who + " needs the server's own Context, not " + ctx.getClass().getName());
        }
        return exchange;
    }
}
