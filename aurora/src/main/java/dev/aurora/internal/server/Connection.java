package dev.aurora.internal.server;

import dev.aurora.ServerConfig;
import dev.aurora.internal.http.ErrorResponse;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.http.RequestHead;
import dev.aurora.internal.observe.AccessLogRecorder;
import dev.aurora.internal.observe.RequestMdc;
import dev.aurora.internal.observe.RequestObserver;
import dev.aurora.internal.observe.ServerCounters;
import dev.aurora.internal.observe.TraceParent;
import dev.aurora.internal.load.YieldGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, served start to end by its own virtual thread in a straight line:
 * wait for a request -> read and parse the head -> route and run the handler -> finish the
 * response -> repeat while the connection is kept alive.
 *
 * <p>States and the timeout that governs each:
 * <ul>
 *   <li>{@code IDLE}: no request bytes buffered, waiting for the next request; governed by
 *       {@code firstRequestTimeout} before the first request and {@code keepAliveTimeout} after
 *       (silent close). Shutdown serves what such a connection already
 *       received and closes it once it stays quiet.</li>
 *   <li>{@code ACTIVE}: from the first byte of a head until its response is complete. The head is
 *       governed by {@code headerTimeout} (a deadline for the whole head; {@code 408}), body reads
 *       by {@code bodyReadTimeout} and {@code minBodyRate}, every socket write by {@code writeTimeout} (enforced by the
 *       {@link TimeoutWatchdog}, like every timeout here). Shutdown lets an active request finish, then closes.</li>
 * </ul>
 *
 * <p>A request answered with {@code 101} ({@link Exchange#takeOver}) ends the HTTP part: once its
 * handler chain returned, the connection runs the new protocol in place of the loop, with the
 * workspace given back ({@link #switchProtocols}), and closes when that protocol ends.
 *
 * <p>Output is flushed only before a blocking read (or when the buffer fills), so responses to
 * pipelined requests that are already buffered leave in one write.
 *
 * <p>Memory: the buffers, head tables and exchange live in a {@link Workspace} taken from the
 * server's pool when request bytes arrive and given back when the connection has nothing left to
 * do, so an idle connection holds only this object, its socket, its parked thread and the small
 * array its next request is first read into.
 */
public final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int ACTIVE = 0;
    private static final int IDLE = 1;
    private static final int CLOSED = 2;
    private static final VarHandle STATE;
    /**
     * Where an idle connection's next request is read first: big enough for most requests (curl,
     * API clients, load generators), so waking costs one copy and no second read; small enough to
     * keep idle connections cheap. A longer head continues in the workspace's buffer.
     */
    private static final int IDLE_READ = 512;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Connection.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Transport transport;
    private final ServerRuntime server;
    private final ServerConfig config;
    private final long headerTimeoutNanos;
    private final int keepAliveMillis;
    private final int firstRequestMillis;
    private final int maxRequests;
    private final ServerCounters counters;
    /** Null unless a meter registry is bound: then, and only then, requests are timed. */
    private final RequestObserver observer;
    private volatile int state = ACTIVE;
    /** The output of the workspace in use, or null while idle (read by the watchdog). */
    private volatile OutputBuffer output;
    private volatile Thread thread;
    /** Null while idle. */
    private Workspace work;
    private byte[] idleRead;
    /** Socket writes of the workspaces this connection has given back. */
    private volatile long earlierWrites;
    /** This connection's access log, or null when the application keeps none. */
    private AccessLogRecorder accessLog;
    private int served;
    /** Set by {@link #close()} on the serving thread, so the registry is left once. */
    private boolean closed;
    /** Bytes of this connection already added to the server's counters. */
    private long countedRead;
    private long countedWritten;
    /** When shutdown first saw this connection quiet, and its request count then; that thread's only. */
    private long quietSince;
    private int quietServed;

    Connection(Transport transport, ServerRuntime server) {
        this.transport = transport;
        this.server = server;
        this.config = server.config();
        this.headerTimeoutNanos = config.headerTimeout().toNanos();
        this.keepAliveMillis = (int) config.keepAliveTimeout().toMillis();
        this.firstRequestMillis = (int) config.firstRequestTimeout().toMillis();
        this.maxRequests = config.maxRequestsPerConnection();
        this.counters = server.counters();
        this.observer = server.observer();
    }

    @Override
    public void run() {
        try {
            open();
            if (!transport.establish(firstRequestMillis)) {
                return;
            }
            while (serveNext()) {
                // one request per turn
            }
        } catch (Throwable t) {
            logFailure(t);
        } finally {
            close();
        }
    }

    /** Sets up the per-connection state; the thread that calls it serves the connection. */
    public void open() throws IOException {
        thread = Thread.currentThread();
        Logger accessLogger = server.dispatcher().logging().accessLog();
        accessLog = accessLogger == null ? null : new AccessLogRecorder(accessLogger);
    }

    /**
     * Waits for the next request and serves it: read and parse the head, route, run the handler,
     * finish the response.
     *
     * @return whether the connection stays open for another request
     */
    public boolean serveNext() throws IOException {
        if (!awaitRequest()) {
            return false;
        }
        Workspace w = work;
        OutputBuffer out = w.output;
        Exchange exchange = w.exchange;
        RequestHead head = w.head;
        if (accessLog != null) {
            accessLog.start();
        }
        try {
            if (!w.reader.read(w.input, head, System.nanoTime() + headerTimeoutNanos)) {
                return false;
            }
        } catch (ProtocolException e) {
            counters.parseError(e.status());
            long before = out.bytesWritten() + out.pending();
            ErrorResponse.write(out, e.status(), e.getMessage());
            if (accessLog != null) {
                accessLog.rejected(e.status(), out.bytesWritten() + out.pending() - before, exchange.remoteHost());
            }
            lingeringClose(out);
            return false;
        }
        served++;
        exchange.begin(head, maxRequests == 0 || served < maxRequests);
        counters.requestStarted();
        long started = observer == null ? 0 : System.nanoTime();
        boolean keep;
        try {
            server.dispatcher().dispatch(exchange);
            keep = finish(exchange);
        } finally {
            exchange.end();
            countBytes(true);
            if (observer != null) {
                observer.observe(head.method(), exchange.routePattern(), exchange.status(), System.nanoTime() - started);
            }
        }
        Upgrade upgrade = exchange.upgrade();
        if (upgrade != null) {
            switchProtocols(upgrade, exchange);
            return false;
        }
        if (!keep) {
            lingeringClose(out);
            return false;
        }
        return true;
    }

    /** Completes the response, logging it when the access log is on; false when the connection must close. */
    private boolean finish(Exchange exchange) throws IOException {
        if (accessLog == null) {
            return exchange.writer().finish();
        }
        accessLog.capture(exchange, exchange.traceParent(), exchange.bytesIn());
        try {
            return exchange.writer().finish();
        } finally {
            accessLog.emit(exchange.status(), exchange.writer().bytesOut(), exchange.remoteHost());
        }
    }

    /**
     * Adds the bytes moved since the last call to the server's counters: after each request, and
     * once more at close for what belonged to no request. Written bytes include those still
     * buffered, which leave before the next read.
     */
    private void countBytes(boolean requestDone) {
        OutputBuffer out = work.output;
        long read = work.input.bytesRead();
        long written = out.bytesWritten() + out.pending();
        long newlyRead = read - countedRead;
        long newlyWritten = written - countedWritten;
        countedRead = read;
        countedWritten = written;
        if (requestDone) {
            counters.requestCompleted(newlyRead, newlyWritten);
        } else {
            counters.bytesTransferred(newlyRead, newlyWritten);
        }
    }

    /** Whether request bytes are buffered but not yet served. */
    public boolean hasBufferedInput() {
        return work != null && work.input.available() > 0;
    }

    /** Sends what is buffered for the client now. */
    public void flush() throws IOException {
        if (work != null) {
            work.output.flush();
        }
    }

    /** Ends the connection: closes the transport and leaves the registry. Idempotent. */
    public void close() {
        state = CLOSED;
        transport.close();
        if (!closed) {
            closed = true;
            if (work != null) {
                countBytes(false);
                releaseWorkspace();
            }
            server.connections().remove(this);
        }
    }

    /** Takes a workspace from the pool and binds it to this connection's transport. */
    private Workspace takeWorkspace() throws IOException {
        Workspace w = server.workspaces().acquire();
        try {
            w.bind(transport);
        } catch (IOException | RuntimeException e) {
            server.workspaces().release(w);
            throw e;
        }
        work = w;
        output = w.output;
        countedRead = 0;
        countedWritten = 0;
        return w;
    }

    /** Gives the workspace back to the pool: going idle, and on every way out (also after errors). */
    private void releaseWorkspace() {
        Workspace w = work;
        work = null;
        earlierWrites += w.output.flushes();
        output = null;
        // The pool's reset makes any workspace as new, also one left by an error.
        server.workspaces().release(w);
    }

    /**
     * Runs the protocol the exchange switched to (a WebSocket) in place of HTTP. The workspace goes
     * back to the pool first, the bytes read past the request copied out, so the upgraded
     * connection holds only what the protocol leases while it works; its output, bound to no
     * buffer, is the one the watchdog now watches. With request ids on, the protocol runs inside
     * the upgrade request's MDC, as the handler chain did.
     */
    private void switchProtocols(Upgrade upgrade, Exchange exchange) throws IOException {
        Workspace w = work;
        w.output.flush();
        byte[] buffered = new byte[w.input.available()];
        w.input.take(buffered, 0, buffered.length);
        UpgradeRequest request = exchange.upgradeRequest();
        boolean mdc = server.dispatcher().logging().requestIds();
        String requestId = mdc ? exchange.requestId() : null;
        TraceParent trace = mdc ? exchange.traceParent() : null;
        releaseWorkspace();
        idleRead = null; // HTTP's idle reads are over
        OutputBuffer out = new OutputBuffer(transport.output(), (byte[]) null);
        output = out;
        if (mdc) {
            RequestMdc.open(requestId, trace);
        }
        try {
            upgrade.serve(new Takeover(transport, buffered, out, request, server.buffers(), server.websockets()));
        } finally {
            if (mdc) {
                RequestMdc.close();
            }
            output = null;
            earlierWrites += out.flushes();
            counters.bytesTransferred(0, out.bytesWritten());
        }
    }

    /** Logs why a connection ended: quietly (debug) when the client went away, as an error otherwise. */
    public static void logFailure(Throwable t) {
        if (t instanceof SocketException || t instanceof SocketTimeoutException) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("Connection closed: {}", t.toString());
            }
        } else if (t instanceof IOException || t instanceof UncheckedIOException) {
            LOG.debug("Connection I/O error", t);
        } else {
            LOG.error("Connection failed unexpectedly", t);
        }
    }

    /**
     * Returns when bytes of a next request are buffered; false when the connection should end
     * (client closed, keep-alive timeout, shutdown).
     */
    private boolean awaitRequest() throws IOException {
        Workspace w = work;
        if (w != null) {
            if (w.input.available() > 0) {
                return true;
            }
            w.output.flush();
        }
        // The client needs a round trip to send its next request, so reading now would almost
        // always find nothing and park (a poller registration plus an unpark later). Letting the
        // other ready connections run first means the bytes have often arrived by the time this
        // thread reads; the gate keeps those yields from starving connections that did park.
        if (!transport.readReady() && YieldGate.mayYield()) {
            Thread.yield();
        }
        // Also while the server drains: a request the client sent before it learnt of the stop is
        // served (with Connection: close); shutdown closes the connection once it stays quiet.
        if (!STATE.compareAndSet(this, ACTIVE, IDLE)) {
            return false;
        }
        int n;
        try {
            n = transport.readReady() ? readIntoWorkspace() : readIdle();
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return false;
        }
        return n > 0 && STATE.compareAndSet(this, IDLE, ACTIVE);
    }

    /** Bytes are there (in memory): read them straight into the workspace, keeping it. */
    private int readIntoWorkspace() throws IOException {
        Workspace w = work != null ? work : takeWorkspace();
        return w.input.fill(idleMillis());
    }

    /**
     * Waits for the next request without a workspace: gives it back, reads into the small idle
     * array, and takes one again once bytes arrived.
     */
    private int readIdle() throws IOException {
        if (work != null) {
            countBytes(false);
            releaseWorkspace();
        }
        byte[] idle = idleRead;
        if (idle == null) {
            idle = new byte[IDLE_READ];
            idleRead = idle;
        }
        int n = transport.input().read(idle, 0, idle.length, idleMillis());
        if (n > 0) {
            Workspace w = takeWorkspace();
            w.input.load(idle, n);
            if (n == idle.length) {
                n += w.input.fillAvailable();
            }
        }
        return n;
    }

    /**
     * How long the connection may wait for a request to start: a new connection that has not sent
     * one gets the short {@code firstRequestTimeout}, so a flood of silent connections gives its
     * slots back soon; a client that was served keeps its connection for {@code keepAliveTimeout}.
     */
    private int idleMillis() {
        return served == 0 ? firstRequestMillis : keepAliveMillis;
    }

    /** Sends what is buffered, then ends the connection so the client can read it all. */
    private void lingeringClose(OutputBuffer out) {
        try {
            out.flush();
        } catch (IOException e) {
            return;
        }
        transport.lingeringClose();
    }

    /** Socket writes so far; as read from another thread, a recent value, not an exact one. */
    long socketWrites() {
        OutputBuffer out = output;
        return earlierWrites + (out == null ? 0 : out.flushes());
    }

    /** Enforces the deadline of a read in progress (called by the watchdog). */
    void expireIfOverdue(long nowNanos) {
        transport.expireIfOverdue(nowNanos);
    }

    /** Start time of the socket write in progress, or 0 (read by the watchdog). */
    long writeStartedNanos() {
        OutputBuffer out = output;
        return out == null ? 0 : out.writeStartedNanos();
    }

    /**
     * Closes the connection if it has waited for a request, with no request bytes received, for at
     * least {@code quietNanos} of the sweeps that call this (graceful shutdown, which calls it
     * every few milliseconds from one thread). A connection with bytes pending is left to serve
     * them; one that served a request since the last sweep starts its quiet time again, so a client
     * that keeps using its connection gets {@code Connection: close} on a response instead of a
     * close racing its next request.
     *
     * @return whether this call closed it
     */
    boolean closeIfQuiet(long nowNanos, long quietNanos) {
        if (state != IDLE || inputPending()) {
            quietSince = 0;
            return false;
        }
        // Read after the volatile state: the connection thread wrote served before it went idle.
        int servedNow = served;
        if (quietSince == 0 || quietServed != servedNow) {
            quietSince = nowNanos | 1;
            quietServed = servedNow;
            return false;
        }
        if (nowNanos - quietSince < quietNanos || !STATE.compareAndSet(this, IDLE, CLOSED)) {
            return false;
        }
        transport.close();
        return true;
    }

    /** Whether the client's bytes wait in the socket (asked from the shutdown thread). */
    private boolean inputPending() {
        try {
            return transport.readReady() || transport.input().available() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Closes the connection whatever it is doing; its socket operations fail and the thread ends.
     *
     * @return whether this call closed it (false if it was closed already)
     */
    boolean abort(String reason) {
        LOG.debug("Aborting connection: {}", reason);
        boolean open = (int) STATE.getAndSet(this, CLOSED) != CLOSED;
        transport.close();
        return open;
    }

    /**
     * Closes the connection and interrupts its thread, so a handler blocked on something other than
     * this socket (a lock, a queue, a sleep) is told to stop too. Used when shutdown's grace period
     * is over.
     */
    void terminate(String reason) {
        abort(reason);
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
