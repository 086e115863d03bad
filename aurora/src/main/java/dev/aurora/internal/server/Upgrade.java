package dev.aurora.internal.server;

import java.io.IOException;

/**
 * A protocol a connection switches to after an exchange answered {@code 101} (WebSocket): set
 * with {@link ExchangeAccess#takeOver}, run by the {@link Connection} once the handler chain has
 * returned and the HTTP workspace went back to its pool, so what the protocol holds is its own
 * (see {@link Takeover}). Runs on the connection's virtual thread; the connection closes when it
 * returns.
 */
@FunctionalInterface
public interface Upgrade {
    /** Serves the connection until the protocol ends. */
    void serve(Takeover takeover) throws IOException;
}
