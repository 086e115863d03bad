package dev.aurora.internal.routing;

import dev.aurora.internal.http.PercentDecoding;
import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;

/**
 * The parameters {@link RouteTree#find} captured: for parameter {@code i} (in the order the
 * endpoint's pattern names them, see {@link Endpoint#paramName}) the absolute offsets
 * {@code [start(i), end(i))} into the request bytes that were matched. Values stay raw
 * (percent-encoded) until a handler asks for one with {@link #value}.
 *
 * <p>Mutable and reused for every request of one connection; owned by that connection's virtual
 * thread. Get one sized for the tree from {@link RouteTree#newMatch()}.
 */
public final class RouteMatch {
    private final int[] starts;
    private final int[] ends;
    private int count;

    RouteMatch(int capacity) {
        starts = new int[capacity];
        ends = new int[capacity];
    }

    /** Number of parameters captured by the last {@code find} (0 after a miss). */
    public int count() {
        return count;
    }

    /** Offset of the first byte of parameter {@code i}. */
    public int start(int i) {
        checkIndex(i);
        return starts[i];
    }

    /** Offset just past the last byte of parameter {@code i}. */
    public int end(int i) {
        checkIndex(i);
        return ends[i];
    }

    /**
     * Parameter {@code i} of the request bytes {@code b}, percent-decoded as UTF-8. {@code '+'} stays
     * a plus (it means space only in query strings), {@code %2F} becomes {@code '/'}, a malformed
     * escape such as {@code %zz} is kept as written, and invalid UTF-8 becomes U+FFFD. Decoding
     * happens in {@code scratch}, so only the returned String is allocated.
     */
    public String value(byte[] b, int i, Arena scratch) {
        return value(b, i, 0, scratch);
    }

    /**
     * Like {@link #value(byte[], int, Arena)} for bytes that moved by {@code shift} since the match
     * (the connection's buffer compacts while a body is read).
     */
    public String value(byte[] b, int i, int shift, Arena scratch) {
        int start = start(i) + shift;
        int end = end(i) + shift;
        if (PercentDecoding.firstEscape(b, start, end, false) == end) {
            return new String(b, start, end - start, StandardCharsets.UTF_8);
        }
        int off = scratch.allocateBytes(end - start);
        byte[] out = scratch.bytes();
        int n = PercentDecoding.decode(b, start, end, false, out, off);
        return new String(out, off, n, StandardCharsets.UTF_8);
    }

    /** How many parameters this match can hold. */
    int capacity() {
        return starts.length;
    }

    void capture(int i, int start, int end) {
        starts[i] = start;
        ends[i] = end;
    }

    void count(int count) {
        this.count = count;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("parameter " + i + " of " + count);
        }
    }
}
