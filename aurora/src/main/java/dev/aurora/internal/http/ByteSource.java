package dev.aurora.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;

/**
 * Where a connection's bytes come from: a socket in production, an in-memory feed in tests and in
 * the in-process test client. Called on the connection's virtual thread.
 */
@FunctionalInterface
public interface ByteSource {
    /**
     * Blocks until at least one byte is read, the stream ends, or the timeout passes.
     *
     * @param timeoutMillis the longest wait, in milliseconds (0 = no limit)
     * @return bytes read, or -1 at end of stream
     * @throws java.net.SocketTimeoutException when nothing arrived in time
     */
    int read(byte[] b, int off, int len, int timeoutMillis) throws IOException;

    /** A socket as a source; the timeout maps to {@link Socket#setSoTimeout(int)}. */
    static ByteSource of(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return (b, off, len, timeoutMillis) -> {
            socket.setSoTimeout(timeoutMillis);
            return in.read(b, off, len);
        };
    }
}
