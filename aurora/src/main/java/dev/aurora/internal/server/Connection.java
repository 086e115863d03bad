package dev.aurora.internal.server;

import dev.aurora.ServerConfig;
import dev.aurora.internal.http.HeadReader;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.http.ProtocolException;
import dev.aurora.internal.http.RequestHead;
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
 *       {@code keepAliveTimeout} (silent close). Shutdown closes idle connections at once.</li>
 *   <li>{@code ACTIVE}: from the first byte of a head until its response is complete. The head is
 *       governed by {@code headerTimeout} (a deadline for the whole head; {@code 408}), body reads
 *       by {@code bodyReadTimeout}, every socket write by {@code writeTimeout} (enforced by the
 *       {@link TimeoutWatchdog}, like every timeout here). Shutdown lets an active request finish, then closes.</li>
 * </ul>
 *
 * <p>Output is flushed only before a blocking read (or when the buffer fills), so responses to
 * pipelined requests that are already buffered leave in one write.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    private static final int ACTIVE = 0;
    private static final int IDLE = 1;
    private static final int CLOSED = 2;
    private static final VarHandle STATE;
    private static final int INITIAL_READ_BUFFER = 8192;
    private static final int WRITE_BUFFER = 16384;

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
    private volatile int state = ACTIVE;
    private volatile OutputBuffer output;
    private volatile Thread thread;

    Connection(Transport transport, ServerRuntime server) {
        this.transport = transport;
        this.server = server;
        this.config = server.config();
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        try {
            serve();
        } catch (SocketException | SocketTimeoutException e) {
            LOG.debug("Connection closed: {}", e.toString());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Connection I/O error", e);
        } catch (Throwable t) {
            LOG.error("Connection failed unexpectedly", t);
        } finally {
            state = CLOSED;
            transport.close();
            server.connections().remove(this);
        }
    }

    private void serve() throws IOException {
        OutputBuffer out = new OutputBuffer(transport.output(), WRITE_BUFFER);
        output = out;
        int maxRead = 2 * config.maxRequestLineLength() + config.maxHeaderSize() + 8192;
        InputBuffer in = new InputBuffer(transport.input(), INITIAL_READ_BUFFER, maxRead, out::flush);
        RequestHead head = new RequestHead(config.maxHeaderCount());
        HeadReader reader = new HeadReader(config);
        Exchange exchange = new Exchange(config, in, out, server, transport.remoteAddress());
        long headerTimeoutNanos = config.headerTimeout().toNanos();
        int keepAliveMillis = (int) config.keepAliveTimeout().toMillis();
        int maxRequests = config.maxRequestsPerConnection();
        int served = 0;
        while (awaitRequest(in, out, keepAliveMillis)) {
            try {
                if (!reader.read(in, head, System.nanoTime() + headerTimeoutNanos)) {
                    return;
                }
            } catch (ProtocolException e) {
                ErrorResponse.write(out, e.status(), e.getMessage());
                lingeringClose(out);
                return;
            }
            served++;
            exchange.begin(head, maxRequests == 0 || served < maxRequests);
            server.dispatcher().dispatch(exchange);
            if (!exchange.finish()) {
                lingeringClose(out);
                return;
            }
        }
    }

    /**
     * Returns when bytes of a next request are buffered; false when the connection should end
     * (client closed, keep-alive timeout, shutdown).
     */
    private boolean awaitRequest(InputBuffer in, OutputBuffer out, int keepAliveMillis) throws IOException {
        if (in.available() > 0) {
            return true;
        }
        out.flush();
        // The client needs a round trip to send its next request, so reading now would almost
        // always find nothing and park (a poller registration plus an unpark later). Letting the
        // other ready connections run first means the bytes have often arrived by the time this
        // thread reads. Measured pinned to one core: +10-25 % req/s (docs/performance.md).
        Thread.yield();
        if (!STATE.compareAndSet(this, ACTIVE, IDLE)) {
            return false;
        }
        if (server.draining()) {
            return false;
        }
        int n;
        try {
            n = in.fill(keepAliveMillis);
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return false;
        }
        return n > 0 && STATE.compareAndSet(this, IDLE, ACTIVE);
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
        return out == null ? 0 : out.flushes();
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

    /** Closes the connection if it is idle between requests (graceful shutdown). */
    void closeIfIdle() {
        if (STATE.compareAndSet(this, IDLE, CLOSED)) {
            transport.close();
        }
    }

    /** Closes the connection whatever it is doing; its socket operations fail and the thread ends. */
    void abort(String reason) {
        LOG.debug("Aborting connection: {}", reason);
        state = CLOSED;
        transport.close();
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
