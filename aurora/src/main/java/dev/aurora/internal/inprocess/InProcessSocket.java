package dev.aurora.internal.inprocess;

import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.server.Connection;
import dev.aurora.internal.server.ServerRuntime;
import dev.aurora.internal.server.Transport;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A connection to an application through two in-memory pipes instead of a socket, served by the
 * ordinary connection loop on its own virtual thread: for conversations that go both ways while
 * the connection lives (WebSocket). The client's streams block as a socket's do, and the server's
 * reads honour their timeouts. Counts against {@code maxConnections} until the server closes it.
 */
public final class InProcessSocket implements AutoCloseable {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final BytePipe toServer = new BytePipe();
    private final BytePipe toClient = new BytePipe();
    private final InputStream input;
    private final OutputStream output;

    private InProcessSocket(int readTimeoutMillis) {
        this.input = toClient.inputStream(readTimeoutMillis);
        this.output = toServer.outputStream();
    }

    /**
     * Connects to {@code runtime}; the server side runs on a new virtual thread.
     *
     * @param readTimeoutMillis how long a client read waits before it times out
     */
    static InProcessSocket connect(ServerRuntime runtime, int readTimeoutMillis) {
        InProcessSocket socket = new InProcessSocket(readTimeoutMillis);
        Connection connection = runtime.admit(socket.new ServerSide());
        try {
            Thread.ofVirtual().name("aurora-in-process-socket").start(connection);
        } catch (RuntimeException | Error e) {
            connection.close();
            throw e;
        }
        return socket;
    }

    /** @return what the server sends; reads time out with {@link java.net.SocketTimeoutException} */
    public InputStream input() {
        return input;
    }

    /** @return where the client's bytes go */
    public OutputStream output() {
        return output;
    }

    /** Closes both directions, as closing a socket does. */
    @Override
    public void close() {
        toServer.close();
        toClient.close();
    }

    /** The server's end: reads the client's pipe, writes the other. */
    private final class ServerSide implements Transport {
        private final OutputStream out = toClient.outputStream();

        @Override
        public ByteSource input() {
            return new ByteSource() {
                @Override
                public int read(byte[] b, int off, int len, int timeoutMillis) throws java.io.IOException {
                    return toServer.read(b, off, len, timeoutMillis);
                }

                @Override
                public int available() {
                    return toServer.available();
                }
            };
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return LOOPBACK;
        }

        @Override
        public void lingeringClose() {
            close();
        }

        /** The client reads what was written, then end of stream. */
        @Override
        public void close() {
            toClient.closeWriter();
            toServer.close();
        }
    }
}
