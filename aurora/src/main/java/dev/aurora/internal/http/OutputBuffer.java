package dev.aurora.internal.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The write side of one connection: responses are encoded into a reusable array and written to the
 * socket in as few writes as possible (pipelined responses share one write; see the connection
 * loop for when it flushes). Large bodies skip the array.
 *
 * <p>While a socket write is in progress {@link #writeStartedNanos()} is non-zero, so the write
 * watchdog can close a connection whose client stopped reading (blocking socket writes have no
 * timeout of their own).
 *
 * <p>Written by the connection's virtual thread; {@link #writeStartedNanos()} is read by the
 * watchdog thread.
 */
public final class OutputBuffer {
    private static final byte[] DIGITS = Ascii.bytes("0123456789");
    /** Room a decimal {@code long} needs: {@code Long.MAX_VALUE} has 19 digits. */
    private static final int MAX_DECIMAL_DIGITS = 20;
    /** Room a hexadecimal {@code int} needs. */
    private static final int MAX_HEX_DIGITS = Integer.SIZE / 4;
    private static final int MAX_WRITE_SLICE = 64 * 1024;

    private OutputStream out;
    private byte[] buf;
    private int count;
    private long bytesWritten;
    private long flushes;
    private boolean failed;
    private volatile long writeStartedNanos;

    public OutputBuffer(OutputStream out, int capacity) {
        this(out, new byte[capacity]);
    }

    /** A buffer over {@code buffer} (for example one leased from a pool). */
    public OutputBuffer(OutputStream out, byte[] buffer) {
        this.out = out;
        this.buf = buffer;
    }

    /** Writes to {@code out} through {@code buffer} from now on (a pooled buffer serving its next connection). */
    public void bind(OutputStream out, byte[] buffer) {
        this.out = out;
        this.buf = buffer;
        this.count = 0;
    }

    /**
     * Writes through {@code buffer} from now on, to the same stream: for an output that holds an
     * array only while it writes (an upgraded connection leases one per frame, then {@link #detach}es).
     */
    public void lend(byte[] buffer) {
        this.buf = buffer;
        this.count = 0;
    }

    /** Forgets the last connection: its stream, array, counts and failure. */
    public void recycle() {
        out = null;
        buf = null;
        count = 0;
        bytesWritten = 0;
        flushes = 0;
        failed = false;
        writeStartedNanos = 0;
    }

    /**
     * Lets go of the array before it goes back to its pool: anything written afterwards fails
     * instead of landing in a buffer another connection now owns.
     */
    public void detach() {
        buf = null;
        count = 0;
    }

    /** Bytes buffered and not yet written to the socket. */
    public int pending() {
        return count;
    }

    /** Socket writes so far; lets callers tell whether anything left the buffer since a mark. */
    public long flushes() {
        return flushes;
    }

    public long bytesWritten() {
        return bytesWritten;
    }

    /** Counts bytes that reached the socket without passing through this buffer (a file sent zero-copy). */
    public void sentAround(long n) {
        bytesWritten += n;
    }

    /** Whether a socket write failed; the connection is then beyond repair. */
    public boolean failed() {
        return failed;
    }

    public long writeStartedNanos() {
        return writeStartedNanos;
    }

    /** Drops buffered bytes after {@code position}; only valid if nothing was flushed since. */
    public void truncate(int position) {
        count = position;
    }

    public void write(int b) throws IOException {
        if (count == buf.length) {
            flush();
        }
        buf[count++] = (byte) b;
    }

    public void write(byte[] b) throws IOException {
        write(b, 0, b.length);
    }

    public void write(byte[] b, int off, int len) throws IOException {
        if (len <= buf.length - count) {
            System.arraycopy(b, off, buf, count, len);
            count += len;
            return;
        }
        if (len < buf.length / 2) {
            int first = buf.length - count;
            System.arraycopy(b, off, buf, count, first);
            count = buf.length;
            flush();
            System.arraycopy(b, off + first, buf, 0, len - first);
            count = len - first;
            return;
        }
        flush();
        socketWrite(b, off, len);
    }

    /** Writes chars 0-255 as single bytes (header text); the caller has validated the range. */
    public void writeLatin1(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - count) {
            flush();
            if (len > buf.length) {
                for (int i = 0; i < len; i++) {
                    write(s.charAt(i));
                }
                return;
            }
        }
        for (int i = 0; i < len; i++) {
            buf[count++] = (byte) s.charAt(i);
        }
    }

    public void writeDecimal(long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("negative: " + value);
        }
        if (MAX_DECIMAL_DIGITS > buf.length - count) {
            flush();
        }
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        int at = count + digits;
        long v = value;
        do {
            buf[--at] = DIGITS[(int) (v % 10)];
            v /= 10;
        } while (v != 0);
        count += digits;
    }

    public void writeHex(int value) throws IOException {
        if (MAX_HEX_DIGITS > buf.length - count) {
            flush();
        }
        int digits = Math.max(1, (Integer.SIZE - Integer.numberOfLeadingZeros(value) + 3) / 4);
        for (int i = digits - 1; i >= 0; i--) {
            buf[count++] = (byte) Character.forDigit((value >>> (i * 4)) & 0xF, 16);
        }
    }

    public void crlf() throws IOException {
        if (Ascii.CRLF_LENGTH > buf.length - count) {
            flush();
        }
        buf[count++] = Ascii.CR;
        buf[count++] = Ascii.LF;
    }

    /** Writes everything buffered to the socket. */
    public void flush() throws IOException {
        if (count > 0) {
            int n = count;
            count = 0;
            socketWrite(buf, 0, n);
        }
    }

    private void socketWrite(byte[] b, int off, int len) throws IOException {
        if (failed) {
            throw new IOException("Connection output already failed");
        }
        try {
            // Slices restart the watchdog's clock: the write timeout is for a client that stopped
            // reading, not for a large body going to a slow but steady one.
            for (int done = 0; done < len; ) {
                int slice = Math.min(MAX_WRITE_SLICE, len - done);
                writeStartedNanos = System.nanoTime() | 1;
                out.write(b, off + done, slice);
                done += slice;
                bytesWritten += slice;
            }
            flushes++;
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            writeStartedNanos = 0;
        }
    }
}
