package dev.aurora.internal.inprocess;

import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.server.Transport;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A connection whose client's bytes are handed over in memory: the server reads what was
 * {@linkplain #offer offered}, then sees end of stream; what it writes is collected. Reads never
 * block, so no timeout can fire. Used by the in-process test client and benchmarks, one thread at
 * a time.
 */
final class MemoryTransport implements Transport {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final byte[] NOTHING = {};

    private final ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
    private byte[] request = NOTHING;
    private int position;

    MemoryTransport() {
    }

    MemoryTransport(byte[] request) {
        offer(request);
    }

    /** Makes {@code bytes} the next input (not copied); whatever was left unread is dropped. */
    void offer(byte[] bytes) {
        request = bytes;
        position = 0;
    }

    /** Whether offered bytes are still unread. */
    boolean hasUnread() {
        return position < request.length;
    }

    @Override
    public boolean readReady() {
        return hasUnread();
    }

    @Override
    public ByteSource input() {
        return (b, off, len, timeoutMillis) -> {
            if (position == request.length) {
                return -1;
            }
            int n = Math.min(len, request.length - position);
            System.arraycopy(request, position, b, off, n);
            position += n;
            return n;
        };
    }

    @Override
    public OutputStream output() {
        return response;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return LOOPBACK;
    }

    @Override
    public void lingeringClose() {
    }

    @Override
    public void close() {
    }

    /** Everything written so far. */
    byte[] written() {
        return response.toByteArray();
    }

    /** How many bytes were written since the last {@link #clearWritten()}. */
    int writtenCount() {
        return response.size();
    }

    /** Forgets what was written, keeping the buffer for reuse. */
    void clearWritten() {
        response.reset();
    }
}
