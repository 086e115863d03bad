package dev.aurora.internal.server;

import dev.aurora.internal.http.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * A TCP connection as a {@link Transport}. Runs on the connection's virtual thread, except
 * {@link #close} and {@link #expireIfOverdue}, which the watchdog and shutdown call.
 */
public final class SocketTransport implements Transport {
    // Enough to swallow a refused upload of a few MiB (a 413 sent before the body arrived), so the
    // client, still sending, reads the answer instead of a reset; bounded in time and bytes.
    private static final int LINGER_MILLIS = 2000;
    private static final int LINGER_MAX_BYTES = 8 * 1024 * 1024;
    private static final int LINGER_READ_BYTES = 16 * 1024;

    private final Socket socket;
    private final SocketInput input;
    /** Once: the socket makes a new address object per call, and every request's bind asks. */
    private final InetSocketAddress remote;

    SocketTransport(Socket socket) throws IOException {
        this.socket = socket;
        this.input = new SocketInput(socket);
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public ByteSource input() {
        return input;
    }

    @Override
    public OutputStream output() throws IOException {
        return socket.getOutputStream();
    }

    @Override
    public SocketChannel fileTarget() {
        return socket.getChannel();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /**
     * Half-closes, and reads what the client still sends for a moment before closing: an immediate
     * close with unread input would reset the connection and could destroy the response before the
     * client reads it.
     */
    @Override
    public void lingeringClose() {
        try {
            lingeringDrain(socket, LINGER_MILLIS, LINGER_MAX_BYTES);
        } catch (IOException e) {
            // closing anyway
        }
    }

    /**
     * Half-closes {@code socket} and reads and drops what the client still sends, until it closes,
     * {@code millis} pass or {@code maxBytes} were read; the caller then closes the socket.
     */
    public static void lingeringDrain(Socket socket, int millis, long maxBytes) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        byte[] scratch = new byte[LINGER_READ_BYTES];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        long total = 0;
        int n;
        while (total < maxBytes && System.nanoTime() < deadline && (n = in.read(scratch)) >= 0) {
            total += n;
        }
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    @Override
    public void expireIfOverdue(long nowNanos) {
        input.expireIfOverdue(nowNanos);
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
