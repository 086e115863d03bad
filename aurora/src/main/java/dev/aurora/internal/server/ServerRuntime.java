package dev.aurora.internal.server;

import dev.aurora.ServerConfig;
import dev.aurora.FormConfig;
import dev.aurora.internal.json.AppJson;
import dev.aurora.internal.tls.ServerTls;
import dev.aurora.internal.load.HeapGuard;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.mem.ObjectPool;
import dev.aurora.internal.observe.RequestObserver;
import dev.aurora.internal.observe.ServerCounters;
import dev.aurora.internal.sse.SseStreams;
import dev.aurora.internal.websocket.WebSocketSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running server: the listening socket, its acceptor threads, the open connections, the timeout
 * watchdog, and the {@link Dispatcher} every connection hands its requests to. Created and stopped
 * by the application's thread; the dispatcher runs on connection threads.
 *
 * <p>Stopping is graceful and loses no request that reached the server: see {@link #stop}.
 */
public final class ServerRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRuntime.class);
    private static final Duration FORCED_CLOSE_WAIT = Duration.ofSeconds(1);
    /**
     * How long a connection must wait for its next request, with nothing received, before
     * shutdown closes it: long enough that a client still using its connection gets
     * {@code Connection: close} on a response instead (no close racing its request), short enough
     * not to hold up a stop.
     */
    static final Duration QUIET_BEFORE_CLOSE = Duration.ofMillis(100);
    private static final long QUIET_SWEEP_NANOS = Duration.ofMillis(10).toNanos();
    /** Free workspaces kept: enough for the requests in flight at once on a busy server, about 5 KiB each. */
    private static final int MAX_POOLED_WORKSPACES = 1024;

    private final ServerConfig config;
    /** What the head reader checks: {@code config}, with the largest route body limit as {@code maxBodySize}. */
    private final ServerConfig headConfig;
    private final Dispatcher dispatcher;
    private final ConnectionRegistry connections;
    private final ServerCounters counters;
    private final RequestObserver observer;
    private final BufferPool buffers = new BufferPool();
    /** Header tables (six int arrays of maxHeaderCount) outlive their connections. */
    private final ObjectPool<Workspace> workspaces;
    private final TimeoutWatchdog watchdog;
    private final SseStreams sse = new SseStreams();
    private final WebSocketSessions websockets = new WebSocketSessions();
    private final List<Thread> acceptors = new ArrayList<>();
    /** The listening sockets: one, or an HTTP and an HTTPS one. */
    private final List<Listener> listeners = new ArrayList<>();
    private OverloadResponder overload;
    /** The HTTPS side, or null; set at start, from the configuration or the application's context. */
    private volatile ServerTls tls;
    private SSLContext tlsContext;
    private volatile boolean accepting = true;
    private volatile boolean draining;

    /**
     * @param counters where this server counts; read by {@code app.stats()} and meter registries
     * @param observer times every request, or null when no meter registry is bound
     */
    public ServerRuntime(ServerConfig config, Dispatcher dispatcher, ServerCounters counters,
            RequestObserver observer) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.headConfig = dispatcher.bodyCeiling() > config.maxBodySize()
                ? config.withMaxBodySize(dispatcher.bodyCeiling()) : config;
        this.counters = counters;
        this.observer = observer;
        this.connections = new ConnectionRegistry(config.maxConnections());
        counters.attach(connections::size, buffers);
        this.workspaces = new ObjectPool<>(() -> new Workspace(this), Workspace::recycle, Workspace::discard,
                Math.min(config.maxConnections(), MAX_POOLED_WORKSPACES));
        this.watchdog = new TimeoutWatchdog(connections, config, counters);
    }

    ServerConfig config() {
        return config;
    }

    ServerConfig headConfig() {
        return headConfig;
    }

    ServerCounters counters() {
        return counters;
    }

    RequestObserver observer() {
        return observer;
    }

    ConnectionRegistry connections() {
        return connections;
    }

    /** Where connections take the workspace of a request in flight (buffers, head tables, exchange). */
    ObjectPool<Workspace> workspaces() {
        return workspaces;
    }

    /** Where connections lease their read and write buffers. */
    public BufferPool buffers() {
        return buffers;
    }

    Dispatcher dispatcher() {
        return dispatcher;
    }

    AppJson json() {
        return dispatcher.json();
    }

    FormConfig forms() {
        return dispatcher.forms();
    }

    /** The open Server-Sent Events streams, closed by {@link #stop}. */
    SseStreams sse() {
        return sse;
    }

    /** The open WebSockets, sent {@code 1001} by {@link #stop}. */
    WebSocketSessions websockets() {
        return websockets;
    }

    /** Whether responses should close their connections: the listener is closed and stop is under way. */
    boolean draining() {
        return draining;
    }

    /** Whether the acceptor threads should go on; false once stop begins to close the listener. */
    boolean accepting() {
        return accepting;
    }

    /** A listening socket, and what its acceptor threads run (stop admits the backlog through it too). */
    private record Listener(ServerSocket socket, Acceptor admission) {
    }

    /**
     * Binds and starts accepting; returns the bound port. With TLS configured, {@code port} serves
     * HTTPS, unless the configuration names an {@code httpsPort}: then {@code port} serves plain HTTP
     * and the HTTPS listener goes there (see {@link #httpsPort()}).
     *
     * @throws dev.aurora.internal.tls.TlsFileException naming the file when a certificate or key
     *     cannot be used
     */
    public int start(int port) {
        SSLContext context = tlsContext;
        tls = context != null ? ServerTls.of(context) : config.tls() != null ? ServerTls.of(config.tls()) : null;
        boolean split = tls != null && config.httpsPort() >= 0;
        overload = new OverloadResponder("aurora-overload-" + port, config.maxConnections());
        HeapGuard heap = new HeapGuard();
        try {
            int bound = listen(port, split ? null : tls, heap);
            if (split) {
                listen(config.httpsPort(), tls, heap);
            }
            watchdog.start();
            return bound;
        } catch (RuntimeException e) {
            listeners.forEach(l -> closeQuietly(l.socket));
            throw e;
        }
    }

    /** Serves HTTPS with the application's own context, whatever the configuration's {@code tls}; before start. */
    public void useTlsContext(SSLContext context) {
        tlsContext = context;
    }

    private int listen(int port, ServerTls secure, HeapGuard heap) {
        ServerSocket serverSocket = null;
        try {
            // Through a channel, so accepted sockets have a SocketChannel that files can be sent to.
            serverSocket = ServerSocketChannel.open().socket();
            serverSocket.setReuseAddress(true);
            serverSocket.bind(new InetSocketAddress(config.host(), port), config.backlog());
            serverSocket.setSoTimeout(Acceptor.POLL_MILLIS);
        } catch (IOException e) {
            closeQuietly(serverSocket);
            throw new UncheckedIOException("Cannot bind " + config.host() + ":" + port, e);
        }
        int bound = serverSocket.getLocalPort();
        Acceptor admission = new Acceptor(serverSocket, this, overload, heap, secure);
        listeners.add(new Listener(serverSocket, admission));
        for (int i = 0; i < config.acceptorThreads(); i++) {
            Thread t = Thread.ofPlatform().name("aurora-acceptor-" + bound + "-" + i).unstarted(admission);
            acceptors.add(t);
            t.start();
        }
        LOG.info("Aurora listening on {}://{}:{}", secure == null ? "http" : "https", config.host(), bound);
        return bound;
    }

    /** @return the bound HTTPS port when HTTPS has a listener of its own, else -1 */
    public int httpsPort() {
        return listeners.size() > 1 ? listeners.get(1).socket.getLocalPort() : -1;
    }

    /**
     * Reads the certificate files again; new connections get the new certificate.
     *
     * @return whether a new certificate is in place (false without TLS, with the application's own
     *     context, or when the files cannot be used: the previous certificate stays and the reason
     *     is logged)
     */
    public boolean reloadTls() {
        ServerTls current = tls;
        return current != null && current.reload();
    }

    /**
     * Admits a connection over a transport of the caller's (the in-process client's memory), counted
     * against {@code maxConnections} until it closes. The caller serves it, on a thread of its
     * choice, with {@link Connection#run()} or {@link Connection#open()} and
     * {@link Connection#serveNext()}.
     *
     * @throws IllegalStateException when {@code maxConnections} connections are open
     */
    public Connection admit(Transport transport) {
        if (!connections.tryAcquire()) {
            throw new IllegalStateException("maxConnections (" + config.maxConnections() + ") reached");
        }
        Connection connection;
        try {
            connection = new Connection(transport, this);
        } catch (RuntimeException | Error e) {
            connections.remove(null);
            throw e;
        }
        connections.add(connection);
        return connection;
    }

    /** Open connections right now. */
    public int openConnections() {
        return connections.size();
    }

    /**
     * Graceful stop; returns when every connection is closed or the grace period has passed.
     *
     * <p>In order: the drain delay (serving as usual, readiness down); the acceptors end, the
     * connections still in the listen backlog are admitted and the listener closes (a later connect
     * is refused, which a load balancer retries elsewhere, instead of reset after its request was
     * sent); then responses start to say {@code Connection: close} and event streams end. Then,
     * until every connection is gone or the grace period is over, a connection waiting for its
     * next request is closed once it has stayed quiet for {@link #QUIET_BEFORE_CLOSE}; one whose
     * request bytes already arrived is served first. What is left at the deadline is closed.
     */
    public void stop(Duration grace) {
        awaitDrainDelay();
        long deadline = System.nanoTime() + grace.toNanos();
        accepting = false;
        for (Listener listener : listeners) {
            listener.admission.wake(config.acceptorThreads());
        }
        for (Thread t : acceptors) {
            joinQuietly(t);
        }
        for (Listener listener : listeners) {
            try {
                Acceptor.drainBacklogAndClose(listener.socket, listener.admission);
            } catch (IOException e) {
                LOG.debug("Draining the listen backlog failed", e);
            }
            closeQuietly(listener.socket);
        }
        // Only now: a client told to close reconnects, and that connect must be refused (which it
        // can retry elsewhere), not land in a backlog that is about to be reset.
        draining = true;
        if (overload != null) {
            overload.close();
        }
        // An event stream never ends by itself: end them now, not after the grace period.
        sse.stop();
        // WebSockets get 1001 Going Away; their close handshakes finish within the wait below.
        websockets.stop();
        try {
            if (!awaitQuietConnections(deadline)) {
                LOG.warn("{} connection(s) still active after the grace period; closing them", connections.size());
                connections.forEach(c -> c.terminate("shutdown grace period over"));
                connections.awaitEmpty(System.nanoTime() + FORCED_CLOSE_WAIT.toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connections.forEach(c -> c.terminate("shutdown interrupted"));
        } finally {
            watchdog.stop();
            websockets.release();
        }
        LOG.info("Aurora stopped");
    }

    /** Closes connections as they turn quiet; true if none was left before the deadline. */
    private boolean awaitQuietConnections(long deadline) throws InterruptedException {
        long quiet = QUIET_BEFORE_CLOSE.toNanos();
        do {
            long now = System.nanoTime();
            connections.forEach(c -> c.closeIfQuiet(now, quiet));
            if (connections.awaitEmpty(Math.min(deadline, now + QUIET_SWEEP_NANOS))) {
                return true;
            }
        } while (System.nanoTime() - deadline < 0);
        return false;
    }

    /** Keeps serving, new connections too, until the drain delay is over; an interrupt ends it early. */
    private void awaitDrainDelay() {
        if (config.drainDelay().isZero() || listeners.isEmpty()) {
            return;
        }
        LOG.info("Draining for {} ms before closing the listener", config.drainDelay().toMillis());
        try {
            Thread.sleep(config.drainDelay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            LOG.debug("Closing the server socket failed", e);
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
