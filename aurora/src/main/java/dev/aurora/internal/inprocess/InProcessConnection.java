package dev.aurora.internal.inprocess;

import dev.aurora.internal.server.Connection;
import dev.aurora.internal.server.ServerRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One keep-alive connection served in memory on the calling thread: each {@link #exchange} hands
 * the server complete requests and returns its answers, and the connection (its buffers, its
 * exchange state, its request count) lives on between calls exactly as a socket connection does.
 * Used by the test client's connection mode and by the hot-path benchmarks. One thread at a time.
 */
public final class InProcessConnection implements AutoCloseable {
    private final MemoryTransport transport = new MemoryTransport();
    private final Connection connection;
    private boolean open = true;

    /** @throws IllegalStateException when {@code maxConnections} connections are open */
    InProcessConnection(ServerRuntime server) {
        Connection c = server.admit(transport);
        try {
            c.open();
        } catch (IOException e) {
            c.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
        this.connection = c;
    }

    /**
     * Serves every request in {@code requests} (one or more complete requests, not copied) and
     * returns what the server wrote for them. After a response that closes the connection, the
     * rest of the input is ignored and {@link #isOpen()} is false.
     *
     * @param requests complete requests
     * @return the bytes the server wrote
     * @throws IllegalStateException if the connection is closed
     */
    public byte[] exchange(byte[] requests) {
        serve(requests);
        byte[] answer = transport.written();
        transport.clearWritten();
        return answer;
    }

    /**
     * Like {@link #exchange} but keeps nothing: returns how many bytes the server wrote. Allocates
     * nothing itself, for measuring the server's own allocation.
     *
     * @param requests complete requests
     * @return the number of bytes written
     */
    public int exchangeDiscarding(byte[] requests) {
        serve(requests);
        int n = transport.writtenCount();
        transport.clearWritten();
        return n;
    }

    private void serve(byte[] requests) {
        if (!open) {
            throw new IllegalStateException("Connection is closed");
        }
        transport.offer(requests);
        try {
            while (transport.hasUnread() || connection.hasBufferedInput()) {
                if (!connection.serveNext()) {
                    close();
                    return;
                }
            }
            connection.flush();
        } catch (IOException | RuntimeException | Error e) {
            Connection.logFailure(e);
            close();
        }
    }

    /** @return whether the server keeps the connection open for more requests */
    public boolean isOpen() {
        return open;
    }

    /** Closes the connection as a client hanging up would; idempotent. */
    @Override
    public void close() {
        if (open) {
            open = false;
            connection.close();
        }
    }
}
