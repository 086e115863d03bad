package dev.aurora.internal.server;

import dev.aurora.internal.http.ByteSource;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * A connection whose client wrote {@code request} and then closed its side: the server reads those
 * bytes, then end of stream; what it writes is collected. Reads never block, so no timeout can
 * fire. Used by the in-process test client on one thread.
 */
final class MemoryTransport implements Transport {
    private static final InetSocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    private final byte[] request;
    private final ByteArrayOutputStream response = new ByteArrayOutputStream();
    private int position;

    MemoryTransport(byte[] request) {
        this.request = request;
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

    byte[] written() {
        return response.toByteArray();
    }
}
