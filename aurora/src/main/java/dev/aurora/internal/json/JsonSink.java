package dev.aurora.internal.json;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array output stream that is reused for every JSON response of one connection,
 * with a slot where a codec may keep the generator that writes into it (a fresh generator per
 * value costs about 250 bytes, most of what a small JSON response would allocate). Shrinks back
 * after an outlier. One connection's thread at a time.
 */
public final class JsonSink extends OutputStream {
    private static final int INITIAL = 1024;
    private static final int KEEP_AT_MOST = 256 * 1024;
    private byte[] buf = new byte[INITIAL];
    private int count;
    private AutoCloseable kept;
    /** The codec {@link #kept} belongs to: an application may change codecs between values in tests. */
    private Object keeper;

    /** @return what {@code codec} kept here with {@link #keep}, or null */
    public Object kept(Object codec) {
        return keeper == codec ? kept : null;
    }

    /** Keeps {@code resource} for {@code codec}, closing whatever was kept before. */
    public void keep(Object codec, AutoCloseable resource) {
        drop();
        kept = resource;
        keeper = codec;
    }

    /** Closes what a codec kept here (a generator gives its buffers back to its pool). */
    public void drop() {
        AutoCloseable k = kept;
        kept = null;
        keeper = null;
        if (k != null) {
            try {
                k.close();
            } catch (Exception e) {
                // It only wrote into this sink, which the next value clears.
            }
        }
    }

    /** Empties the sink for the next value. */
    public void reset() {
        if (buf.length > KEEP_AT_MOST) {
            buf = new byte[INITIAL];
        }
        count = 0;
    }

    /** @return the buffer; the first {@link #size()} bytes are the value */
    public byte[] array() {
        return buf;
    }

    /** @return bytes written since {@link #reset()} */
    public int size() {
        return count;
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void close() {
        // A generator closes its target when it closes; the sink stays usable.
    }

    private void ensure(int more) {
        if (count + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
        }
    }
}
