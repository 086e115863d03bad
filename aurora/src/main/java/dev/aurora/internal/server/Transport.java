package dev.aurora.internal.server;

import dev.aurora.internal.http.ByteSource;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * What a {@link Connection} reads from and writes to: a socket in production
 * ({@link SocketTransport}), memory for the in-process test client ({@code MemoryTransport}). The
 * connection loop is the same code either way, so in-process tests exercise the real parser,
 * router, middleware and writer. Used by the connection's thread; {@link #expireIfOverdue} and
 * {@link #close} also by the watchdog and shutdown.
 */
public interface Transport {
    ByteSource input();

    OutputStream output() throws IOException;

    InetSocketAddress remoteAddress();

    /** Ends the connection after an error or {@code Connection: close}, letting the peer read the last response. */
    void lingeringClose();

    /** Closes at once; quiet. */
    void close();

    /** The socket's channel, for {@code FileChannel.transferTo}; null when there is none (in memory). */
    /**
     * Makes the connection ready for requests before the first read: the TLS handshake for HTTPS.
     * Runs on the connection's thread.
     *
     * @param timeoutMillis how long it may take in all
     * @return false if the connection is to end without serving (the transport answered or the
     *     peer went away)
     */
    default boolean establish(int timeoutMillis) throws IOException {
        return true;
    }

    /** @return the TLS session once {@link #establish} succeeded on an HTTPS connection, else null */
    default javax.net.ssl.SSLSession tlsSession() {
        return null;
    }

    default SocketChannel fileTarget() {
        return null;
    }

    /** Whether a read would return bytes at once without blocking; false when unknown (sockets). */
    default boolean readReady() {
        return false;
    }

    /** Enforces the deadline of a read in progress (sockets only). */
    default void expireIfOverdue(long nowNanos) {
    }
}
