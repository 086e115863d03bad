package dev.aurora.internal.server;

import dev.aurora.internal.load.HeapGuard;
import dev.aurora.internal.observe.ServerCounters;
import dev.aurora.internal.tls.ServerTls;
import dev.aurora.internal.tls.TlsTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts connections and starts one virtual thread per connection. Admission control happens
 * here: beyond {@code maxConnections}, or while live objects fill most of the heap
 * ({@link HeapGuard}), the socket goes to the {@link OverloadResponder}. Runs on a named platform
 * thread, {@code aurora-acceptor-<port>-<n>}, until shutdown begins: {@link #wake} connects to the
 * listener so a blocked accept returns at once (its accept also waits at most {@link #POLL_MILLIS},
 * should that connect fail); no error of one connection, an {@link OutOfMemoryError} included,
 * ends it.
 */
final class Acceptor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Acceptor.class);
    private static final ThreadFactory CONNECTION_THREADS = Thread.ofVirtual().name("aurora-connection-", 0).factory();

    private static final long ACCEPT_FAILURE_BACKOFF_NANOS = 10_000_000L;
    /** How long one accept waits before looking whether shutdown began; what stop() waits at most for it. */
    static final int POLL_MILLIS = 50;

    private final ServerSocket serverSocket;
    private final ServerRuntime server;
    private final OverloadResponder overload;
    private final HeapGuard heap;
    /** HTTPS for this listener's connections, or null for plain HTTP. */
    private final ServerTls tls;
    /** Local ports of the wake-up connections {@link #wake} made: at most one per acceptor thread. */
    private final Set<Integer> wakeups = ConcurrentHashMap.newKeySet();

    Acceptor(ServerSocket serverSocket, ServerRuntime server, OverloadResponder overload, HeapGuard heap, ServerTls tls) {
        this.serverSocket = serverSocket;
        this.server = server;
        this.overload = overload;
        this.heap = heap;
        this.tls = tls;
    }

    @Override
    public void run() {
        while (server.accepting() && !serverSocket.isClosed()) {
            try {
                acceptOne();
            } catch (OutOfMemoryError e) {
                // What filled the heap belongs to connections, which end on their own; keep accepting
                // (the heap guard refuses until there is room again).
                LockSupport.parkNanos(ACCEPT_FAILURE_BACKOFF_NANOS);
            }
        }
    }

    private void acceptOne() {
        Socket socket;
        try {
            socket = serverSocket.accept();
        } catch (SocketTimeoutException e) {
            return; // a look at whether the server stops
        } catch (IOException e) {
            if (!serverSocket.isClosed()) {
                // Typically out of file descriptors: back off instead of spinning on the error.
                LOG.warn("Accept failed", e);
                LockSupport.parkNanos(ACCEPT_FAILURE_BACKOFF_NANOS);
            }
            return;
        }
        try {
            admit(socket);
        } catch (OutOfMemoryError e) {
            SocketTransport.closeQuietly(socket);
            throw e;
        }
    }

    /**
     * Serves the connections still in the listen backlog (the client sent its request, if any,
     * before the server stopped accepting), then closes the listener, so a client that connects
     * afterwards is refused and can try elsewhere. Called by shutdown once the acceptors ended.
     */
    static void drainBacklogAndClose(ServerSocket serverSocket, Acceptor admission) throws IOException {
        ServerSocketChannel channel = serverSocket.getChannel();
        try {
            channel.configureBlocking(false);
            SocketChannel accepted;
            while ((accepted = channel.accept()) != null) {
                admission.admit(accepted.socket());
            }
        } finally {
            serverSocket.close();
        }
    }

    /**
     * Once shutdown has begun ({@code accepting()} is false): connects to the listener {@code count}
     * times, so each acceptor blocked in accept returns now and sees it, instead of after up to
     * {@link #POLL_MILLIS}. The connections are closed at once and never served or counted.
     */
    void wake(int count) {
        InetAddress bound = serverSocket.getInetAddress();
        InetAddress target = bound == null || bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
        for (int i = 0; i < count; i++) {
            try (Socket poke = new Socket()) {
                poke.bind(new InetSocketAddress(target, 0));
                wakeups.add(poke.getLocalPort());
                poke.connect(new InetSocketAddress(target, serverSocket.getLocalPort()), POLL_MILLIS);
            } catch (IOException e) {
                LOG.debug("Waking the acceptor failed; it notices the shutdown within {} ms", POLL_MILLIS, e);
                return;
            }
        }
    }

    private boolean isWakeup(Socket socket) {
        return !server.accepting() && wakeups.remove(socket.getPort());
    }

    private void admit(Socket socket) {
        if (isWakeup(socket)) {
            SocketTransport.closeQuietly(socket);
            return;
        }
        ConnectionRegistry connections = server.connections();
        ServerCounters counters = server.counters();
        if (heap.heapFull() || !connections.tryAcquire()) {
            counters.connectionRejected();
            overload.reject(socket);
            return;
        }
        counters.connectionAccepted();
        Connection connection = null;
        try {
            socket.setTcpNoDelay(true);
            // The TLS handshake happens on the connection's own thread, not here.
            Transport transport = tls == null ? new SocketTransport(socket) : new TlsTransport(socket, tls);
            connection = new Connection(transport, server);
            connections.add(connection);
            CONNECTION_THREADS.newThread(connection).start();
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            LOG.warn("Could not start a connection", e);
            SocketTransport.closeQuietly(socket);
            connections.remove(connection);
        }
    }
}
