package dev.aurora.internal.inprocess;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of an in-memory connection: a bounded ring of bytes, so a writer whose reader
 * does not read blocks (as on a socket) instead of buffering without limit. Reads wait up to their
 * timeout, as a socket read under the watchdog does. One writer thread and one reader thread;
 * {@link #close()} from any thread wakes both.
 */
final class BytePipe {
    private static final int CAPACITY = 64 << 10;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final byte[] ring = new byte[CAPACITY];
    private int head;
    private int count;
    /** No more bytes will be written: the reader sees end of stream after the rest. */
    private boolean writerClosed;
    /** Nothing will be read again: writes fail. */
    private boolean closed;

    /** Reads at least one byte, waiting up to {@code timeoutMillis} (0 = no limit); -1 at end. */
    int read(byte[] b, int off, int len, int timeoutMillis) throws IOException {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (count == 0) {
                if (writerClosed || closed) {
                    return -1;
                }
                if (timeoutMillis <= 0) {
                    readable.await();
                } else {
                    if (left <= 0) {
                        throw new SocketTimeoutException("Read timed out");
                    }
                    left = readable.awaitNanos(left);
                }
            }
            int n = Math.min(len, count);
            for (int i = 0; i < n; i++) {
                b[off + i] = ring[(head + i) % CAPACITY];
            }
            head = (head + n) % CAPACITY;
            count -= n;
            writable.signalAll();
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while reading");
        } finally {
            lock.unlock();
        }
    }

    void write(byte[] b, int off, int len) throws IOException {
        lock.lock();
        try {
            while (len > 0) {
                while (count == CAPACITY && !closed && !writerClosed) {
                    writable.await();
                }
                if (closed || writerClosed) {
                    throw new IOException("Connection closed");
                }
                int n = Math.min(len, CAPACITY - count);
                for (int i = 0; i < n; i++) {
                    ring[(head + count + i) % CAPACITY] = b[off + i];
                }
                count += n;
                off += n;
                len -= n;
                readable.signalAll();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing");
        } finally {
            lock.unlock();
        }
    }

    int available() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** The writer is done: the reader gets what is left, then end of stream. */
    void closeWriter() {
        end(false);
    }

    /** Both ends are done: blocked calls return at once. */
    void close() {
        end(true);
    }

    private void end(boolean both) {
        lock.lock();
        try {
            writerClosed = true;
            closed |= both;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    InputStream inputStream(int timeoutMillis) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : BytePipe.this.read(b, off, len, timeoutMillis);
            }

            @Override
            public int available() {
                return BytePipe.this.available();
            }

            @Override
            public void close() {
                BytePipe.this.close();
            }
        };
    }

    OutputStream outputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                BytePipe.this.write(b, off, len);
            }

            @Override
            public void close() {
                closeWriter();
            }
        };
    }
}
