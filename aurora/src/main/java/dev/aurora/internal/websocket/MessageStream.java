package dev.aurora.internal.websocket;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A message sent in parts ({@code sendBinaryStream()}, {@code sendTextStream()}): bytes collect
 * in a buffer, each full buffer (or {@link #flush()}) goes out as a fragment, and {@link #close()}
 * sends the final one. Sent uncompressed, so no fragment waits for the rest of the message. Used
 * by the thread that opened it.
 */
final class MessageStream extends OutputStream {
    private static final int FRAGMENT = 16 << 10;

    private final WebSocketSession session;
    private final int opcode;
    private final Thread owner = Thread.currentThread();
    private final byte[] buf = new byte[FRAGMENT];
    private int count;
    private boolean started;
    private boolean closed;

    MessageStream(WebSocketSession session, int opcode) {
        this.session = session;
        this.opcode = opcode;
    }

    Thread owner() {
        return owner;
    }

    @Override
    public void write(int b) throws IOException {
        checkOpen();
        if (count == buf.length) {
            emit(false);
        }
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        checkOpen();
        while (len > 0) {
            if (count == buf.length) {
                emit(false);
            }
            int n = Math.min(len, buf.length - count);
            System.arraycopy(b, off, buf, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /** Sends what is buffered as a fragment now. */
    @Override
    public void flush() throws IOException {
        checkOpen();
        if (count > 0) {
            emit(false);
        }
    }

    /** Sends the final fragment; the message is complete. Idempotent. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            emit(true);
        }
    }

    private void emit(boolean fin) throws IOException {
        int n = count;
        count = 0;
        session.fragment(this, started ? Opcodes.CONTINUATION : opcode, fin, buf, n);
        started = true;
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException("The message stream is closed");
        }
    }
}
