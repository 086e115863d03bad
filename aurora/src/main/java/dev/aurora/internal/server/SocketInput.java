package dev.aurora.internal.server;

import dev.aurora.internal.http.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A connection's socket as a {@link ByteSource} whose read timeouts are enforced by the
 * {@link TimeoutWatchdog} instead of {@link Socket#setSoTimeout(int)}.
 *
 * <p>Why: a timed blocking read on a virtual thread schedules and cancels a timer on every read,
 * which measured at about half the plaintext throughput of an untimed read (see
 * {@code docs/performance.md}). Here a read only publishes its deadline (one volatile write); the
 * watchdog, which looks at every connection a few times per timeout period, shuts the input down
 * when a deadline has passed. The blocked read then returns end-of-stream, which this class turns
 * into the {@link SocketTimeoutException} callers expect, so the connection can still answer
 * {@code 408} on its open output.
 *
 * <p>{@link #read} runs on the connection's virtual thread; {@link #expireIfOverdue} on the
 * watchdog thread.
 */
public final class SocketInput implements ByteSource {
    private static final long NO_DEADLINE = 0;
    private static final long EXPIRED = 1;
    private static final VarHandle DEADLINE;

    static {
        try {
            DEADLINE = MethodHandles.lookup().findVarHandle(SocketInput.class, "deadline", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private volatile long deadline;
    private volatile boolean expired;

    SocketInput(Socket socket) throws IOException {
        this(socket, socket.getInputStream());
    }

    /**
     * @param socket the TCP socket whose input an overdue read shuts down
     * @param in what is read: the socket's own stream, or TLS's decrypted one on top of it
     */
    public SocketInput(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
        if (expired) {
            throw new SocketTimeoutException("Read timed out");
        }
        // Never NO_DEADLINE or EXPIRED, whatever nanoTime returns.
        deadline = (System.nanoTime() + timeoutMillis * 1_000_000L) | 2;
        try {
            int n = in.read(b, off, len);
            if (n < 0 && expired) {
                throw new SocketTimeoutException("Read timed out");
            }
            return n;
        } catch (IOException e) {
            // A plain read sees a SocketException, a TLS read an SSLException, when the input is shut.
            if (expired) {
                throw new SocketTimeoutException("Read timed out");
            }
            throw e;
        } finally {
            deadline = NO_DEADLINE;
        }
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    /**
     * Expires the read in progress if its deadline has passed: the input is shut down, so the
     * blocked read returns at once. A read that finished in the meantime is left alone.
     */
    public void expireIfOverdue(long now) {
        long d = deadline;
        if (d != NO_DEADLINE && d != EXPIRED && now - d > 0 && DEADLINE.compareAndSet(this, d, EXPIRED)) {
            expired = true;
            try {
                socket.shutdownInput();
            } catch (IOException e) {
                // already closed: the read fails on its own
            }
        }
    }
}
