package dev.aurora.internal.tls;

import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.server.SocketInput;
import dev.aurora.internal.server.SocketTransport;
import dev.aurora.internal.server.Transport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * An HTTPS connection as a {@link Transport}: a blocking {@link SSLSocket} over the accepted TCP
 * socket, on the connection's virtual thread. The handshake runs in {@link #establish} under a
 * deadline the watchdog enforces (a client that opens TCP and never finishes its ClientHello is
 * cut like a slowloris); plain HTTP sent to this port gets a short {@code 400} instead of a wait.
 * No zero-copy file sends: TLS encrypts every byte in the JVM.
 */
public final class TlsTransport implements Transport {
    /** A TLS record starts with its content type; a ClientHello travels in a handshake record. */
    private static final int HANDSHAKE_RECORD = 0x16;
    private static final byte[] PLAIN_HTTP_REFUSAL = ("HTTP/1.1 400 Bad Request\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: 46\r\n\r\n"
            + "This port speaks HTTPS: use an https:// URL.\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final int LINGER_MILLIS = 2000;
    private static final int LINGER_MAX_BYTES = 1024 * 1024;

    private final Socket socket;
    private final ServerTls tls;
    /** Once: the socket makes a new address object per call, and every request's bind asks. */
    private final InetSocketAddress remote;
    private volatile long handshakeDeadline;
    private SSLSocket ssl;
    private SocketInput input;

    public TlsTransport(Socket socket, ServerTls tls) {
        this.socket = socket;
        this.tls = tls;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public boolean establish(int timeoutMillis) throws IOException {
        handshakeDeadline = (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) | 1;
        try {
            InputStream raw = socket.getInputStream();
            int first = raw.read();
            if (first < 0) {
                return false;
            }
            if (first != HANDSHAKE_RECORD) {
                // Plain HTTP (or anything else) on the HTTPS port: say so rather than wait for a handshake.
                socket.getOutputStream().write(PLAIN_HTTP_REFUSAL);
                lingeringDrain();
                return false;
            }
            ssl = tls.wrap(socket, new ByteArrayInputStream(new byte[] {(byte) first}));
            ssl.startHandshake();
            input = new SocketInput(socket, ssl.getInputStream());
            return true;
        } catch (SSLException e) {
            // No common protocol, cipher or ALPN, or a client certificate refused: JSSE sent the alert.
            return false;
        } catch (IOException e) {
            if (handshakeDeadline == 0) {
                throw new SocketTimeoutException("TLS handshake did not finish in " + timeoutMillis + " ms");
            }
            throw e;
        } finally {
            handshakeDeadline = -1;
        }
    }

    @Override
    public SSLSession tlsSession() {
        return ssl == null ? null : ssl.getSession();
    }

    @Override
    public ByteSource input() {
        return input;
    }

    @Override
    public OutputStream output() throws IOException {
        return ssl.getOutputStream();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    /** Sends TLS's close_notify, then drains what the client still sends for a moment, then closes. */
    @Override
    public void lingeringClose() {
        try {
            ssl.shutdownOutput();
        } catch (IOException | UnsupportedOperationException e) {
            // the TCP half-close below still tells the client
        }
        try {
            lingeringDrain();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void lingeringDrain() throws IOException {
        // Encrypted records are read off the TCP socket and dropped: only the timing matters here.
        SocketTransport.lingeringDrain(socket, LINGER_MILLIS, LINGER_MAX_BYTES);
    }

    /** Closes the TCP socket without a close_notify, which could block on a client that does not read. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    @Override
    public void expireIfOverdue(long nowNanos) {
        long deadline = handshakeDeadline;
        if (deadline > 0 && nowNanos - deadline > 0) {
            handshakeDeadline = 0;
            close();
            return;
        }
        SocketInput in = input;
        if (in != null) {
            in.expireIfOverdue(nowNanos);
        }
    }
}
