package dev.aurora.internal.server;

import dev.aurora.Context;
import java.net.InetSocketAddress;

/** Lets {@code ForwardedHeaders} record what a trusted proxy said, on the server's own context. */
public final class Origins {
    private Origins() {
    }

    /**
     * @throws IllegalStateException if {@code ctx} is not a context of an Aurora server
     */
    public static void set(Context ctx, InetSocketAddress client, String scheme, String host) {
        if (!(ctx instanceof Exchange exchange)) {
            throw new IllegalStateException("ForwardedHeaders needs the server's own Context, not "
                    + ctx.getClass().getName());
        }
        exchange.origin(client, scheme, host);
    }
}
