package dev.aurora.internal.http;

import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.mem.PooledBuffer;
import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * The read side of one connection: a reusable byte array filled from the socket with blocking reads
 * (cheap on a virtual thread), and the offsets the parsers work on.
 *
 * <p>Layout: {@code [base, pos)} is the current request's head, kept readable until the request is
 * done because header values are sliced from it lazily; {@code [pos, end)} is received but not yet
 * consumed (body bytes, or the next pipelined requests). Offsets handed to parsers are relative to
 * {@link #base()}, so compaction can move the bytes without invalidating them.
 *
 * <p>Runs on the connection's virtual thread only.
 */
public final class InputBuffer {
    /** Called before any blocking read, so buffered pipelined responses reach the client first. */
    public interface BeforeRead {
        void beforeRead() throws IOException;
    }

    private ByteSource source;
    private final int initialCapacity;
    private final int maxCapacity;
    private final BeforeRead beforeRead;
    /** Where the array comes from and goes back to, or null for a plain array. */
    private final BufferPool pool;
    private PooledBuffer lease;
    private byte[] buf;
    private int base;
    private int headLength;
    private int pos;
    private int end;
    private long bytesRead;
    private IOException failure;
    private boolean eof;

    public InputBuffer(ByteSource source, int initialCapacity, int maxCapacity, BeforeRead beforeRead) {
        this(source, null, initialCapacity, maxCapacity, beforeRead);
    }

    /**
     * A buffer whose array is leased from {@code pool} (and replaced by a larger lease when a head
     * needs more room); {@link #release()} gives it back.
     */
    public InputBuffer(ByteSource source, BufferPool pool, int initialCapacity, int maxCapacity, BeforeRead beforeRead) {
        this.source = source;
        this.pool = pool;
        this.initialCapacity = initialCapacity;
        this.maxCapacity = Math.max(initialCapacity, maxCapacity);
        this.beforeRead = beforeRead;
        this.buf = allocate(initialCapacity);
    }

    private byte[] allocate(int capacity) {
        if (pool == null) {
            return new byte[capacity];
        }
        lease = pool.acquire(capacity);
        return lease.array();
    }

    /** Gives a leased array back to its pool; the buffer must not be used afterwards. Idempotent. */
    public void release() {
        PooledBuffer leased = lease;
        lease = null;
        buf = null;
        if (leased != null) {
            leased.release();
        }
    }

    /**
     * Reads from {@code source} from now on (a pooled buffer serving its next connection), leasing
     * an array of the initial size if {@link #recycle} gave the last one back.
     */
    public void bind(ByteSource source) {
        this.source = source;
        if (buf == null) {
            buf = allocate(initialCapacity);
        }
    }

    /** Forgets the last connection (offsets, counts, failure) and gives the array back to its pool. */
    public void recycle() {
        base = 0;
        headLength = 0;
        pos = 0;
        end = 0;
        bytesRead = 0;
        failure = null;
        eof = false;
        source = null;
        release();
    }

    /**
     * Starts from bytes a connection read while it had no buffer (waiting idle in a small array of
     * its own); only on an empty buffer.
     */
    public void load(byte[] src, int n) {
        assert pos == end && n <= buf.length;
        System.arraycopy(src, 0, buf, 0, n);
        base = 0;
        pos = 0;
        end = n;
        bytesRead += n;
    }

    public byte[] array() {
        return buf;
    }

    public int base() {
        return base;
    }

    public int pos() {
        return pos;
    }

    public int end() {
        return end;
    }

    public int available() {
        return end - pos;
    }

    /** Total bytes received on this connection. */
    public long bytesRead() {
        return bytesRead;
    }

    /** Starts a new request at the current read position; the previous request's bytes may be reused. */
    public void beginRequest() {
        if (pos == end) {
            pos = 0;
            end = 0;
        }
        base = pos;
        headLength = 0;
        failure = null;
        eof = false;
    }

    /** The exception of the last failed socket read of this request, or null. */
    public IOException failure() {
        return failure;
    }

    /** Whether the socket ended or failed during this request. */
    public boolean broken() {
        return eof || failure != null;
    }

    /** The head is parsed: keep its {@code length} bytes readable and consume them. */
    public void headParsed(int length) {
        headLength = length;
        pos = base + length;
    }

    /** Consumes {@code n} bytes. */
    public void skip(int n) {
        pos += n;
    }

    public int read() {
        return pos < end ? buf[pos++] & 0xFF : -1;
    }

    /** Copies up to {@code len} buffered bytes out; returns the count (0 if none are buffered). */
    public int take(byte[] dst, int off, int len) {
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        return n;
    }

    /**
     * Reads more bytes into the buffer, blocking up to {@code timeoutMillis} (0 = no limit).
     *
     * @return bytes added, or -1 at end of stream
     * @throws SocketTimeoutException when nothing arrived in time
     * @throws ProtocolException (431) when the buffer cannot grow to make room
     */
    public int fill(int timeoutMillis) throws IOException {
        makeRoom();
        beforeRead.beforeRead();
        int n;
        try {
            n = source.read(buf, end, buf.length - end, timeoutMillis);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n < 0) {
            eof = true;
        }
        if (n > 0) {
            end += n;
            bytesRead += n;
        }
        return n;
    }

    /**
     * Reads what has arrived already, never waiting: after an idle connection's small first read
     * came back full, the rest of a pipelined batch is usually there, and reading it now lets the
     * batch's answers leave in one write.
     *
     * @return bytes added (0 when none were waiting)
     */
    public int fillAvailable() throws IOException {
        return source.available() > 0 ? fill(1) : 0;
    }

    /**
     * Reads straight into the caller's array, bypassing the buffer; only when nothing is buffered.
     * Used for large body reads so big uploads are copied once.
     */
    public int readDirect(byte[] dst, int off, int len, int timeoutMillis) throws IOException {
        assert pos == end;
        beforeRead.beforeRead();
        int n;
        try {
            n = source.read(dst, off, len, timeoutMillis);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
        if (n < 0) {
            eof = true;
        }
        if (n > 0) {
            bytesRead += n;
        }
        return n;
    }

    /**
     * Frees space at the end: keeps the current head and the unread bytes, drops consumed body bytes,
     * and grows the array (up to the limit) only when that is not enough.
     */
    private void makeRoom() {
        if (end < buf.length) {
            return;
        }
        int unread = end - pos;
        int used = headLength + unread;
        byte[] target = buf;
        if (used >= buf.length) {
            if (buf.length >= maxCapacity) {
                throw new ProtocolException(431, "Request Header Fields Too Large");
            }
            PooledBuffer previous = lease;
            target = allocate(Math.min(maxCapacity, buf.length * 2));
            System.arraycopy(buf, base, target, 0, headLength);
            System.arraycopy(buf, pos, target, headLength, unread);
            if (previous != null) {
                previous.release();
            }
        } else {
            System.arraycopy(buf, base, target, 0, headLength);
            System.arraycopy(buf, pos, target, headLength, unread);
        }
        buf = target;
        base = 0;
        pos = headLength;
        end = headLength + unread;
    }
}
