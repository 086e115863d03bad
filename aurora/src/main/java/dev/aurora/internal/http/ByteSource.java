package dev.aurora.internal.http;

import java.io.IOException;

/**
 * Where a connection's bytes come from: a socket in production, an in-memory feed in tests and in
 * the in-process test client. Called on the connection's virtual thread.
 */
@FunctionalInterface
public interface ByteSource {
    /**
     * Blocks until at least one byte is read, the stream ends, or the timeout passes.
     *
     * @param timeoutMillis the longest wait, in milliseconds (positive)
     * @return bytes read, or -1 at end of stream
     * @throws java.net.SocketTimeoutException when nothing arrived in time
     */
    int read(byte[] b, int off, int len, int timeoutMillis) throws IOException;

    /** Bytes a read would return at once without blocking; 0 when none or unknown. */
    default int available() throws IOException {
        return 0;
    }
}
