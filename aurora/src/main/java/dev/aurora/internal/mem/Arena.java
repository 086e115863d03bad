package dev.aurora.internal.mem;

import java.util.Arrays;

/**
 * Scratch space for one request, handed out by bumping an offset and taken back all at once: an
 * {@code int} region (e.g. header start/length slots) and a {@code byte} region (e.g. decoded
 * parameters). {@link #allocateInts} and {@link #allocateBytes} return an offset into
 * {@link #ints()} / {@link #bytes()}; {@link #reset()} between requests makes all of it free again.
 * Offsets rather than slices keep allocation free of objects: the caller keeps an {@code int}.
 *
 * <p>Growth. A region that is too small for an allocation is replaced by one of double the size
 * (repeatedly, until it fits), with the contents so far copied, so earlier offsets stay valid but
 * the array may change: read {@link #ints()} / {@link #bytes()} again after allocating, never keep
 * them across an allocation. Contents are not cleared, on reset or on growth beyond the copy.
 *
 * <p>Shrinking. One outsized request should not pin a large array for the rest of a connection, and
 * requests that alternate between large and small should not reallocate every time. So a region
 * larger than its initial capacity goes back to the initial capacity at the reset that ends
 * {@link #SHRINK_AFTER} requests in a row which each used at most a quarter of it; a larger request
 * restarts the count. A region at its initial capacity costs {@link #reset()} two field writes and
 * one comparison.
 *
 * <p>Not thread-safe: one arena belongs to one request at a time (the connection's virtual thread).
 */
public final class Arena {
    /** Consecutive requests using at most a quarter of a grown region, after which it shrinks. */
    public static final int SHRINK_AFTER = 16;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final int initialInts;
    private final int initialBytes;
    private int[] ints;
    private byte[] bytes;
    private int intTop;
    private int byteTop;
    /** Whether either region is above its initial capacity; keeps the common reset to one branch. */
    private boolean grown;
    private int smallIntRequests;
    private int smallByteRequests;

    /**
     * @param initialInts capacity of the int region, {@code >= 1}
     * @param initialBytes capacity of the byte region, {@code >= 1}
     */
    public Arena(int initialInts, int initialBytes) {
        if (initialInts < 1 || initialBytes < 1) {
            throw new IllegalArgumentException("initial capacities must be >= 1: " + initialInts + ", " + initialBytes);
        }
        this.initialInts = initialInts;
        this.initialBytes = initialBytes;
        this.ints = new int[initialInts];
        this.bytes = new byte[initialBytes];
    }

    /**
     * Reserves {@code n} consecutive ints and returns the offset of the first in {@link #ints()}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public int allocateInts(int n) {
        int start = intTop;
        int end = start + n;
        // (n | end) < 0 catches a negative n and an overflowing sum in one test.
        if ((n | end) < 0 || end > ints.length) {
            return growInts(n);
        }
        intTop = end;
        return start;
    }

    /**
     * Reserves {@code n} consecutive bytes and returns the offset of the first in {@link #bytes()}.
     *
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public int allocateBytes(int n) {
        int start = byteTop;
        int end = start + n;
        if ((n | end) < 0 || end > bytes.length) {
            return growBytes(n);
        }
        byteTop = end;
        return start;
    }

    /** The int region; replaced when it grows, so read it after the allocations it is used for. */
    public int[] ints() {
        return ints;
    }

    /** The byte region; replaced when it grows, so read it after the allocations it is used for. */
    public byte[] bytes() {
        return bytes;
    }

    /** Ints allocated since the last reset. */
    public int usedInts() {
        return intTop;
    }

    /** Bytes allocated since the last reset. */
    public int usedBytes() {
        return byteTop;
    }

    public int intCapacity() {
        return ints.length;
    }

    public int byteCapacity() {
        return bytes.length;
    }

    /** Frees everything allocated since the last reset (offsets handed out become invalid). */
    public void reset() {
        if (grown) {
            shrinkIfIdle();
        }
        intTop = 0;
        byteTop = 0;
    }

    private int growInts(int n) {
        int start = intTop;
        ints = Arrays.copyOf(ints, grownCapacity(ints.length, start, n));
        grown = true;
        intTop = start + n;
        return start;
    }

    private int growBytes(int n) {
        int start = byteTop;
        bytes = Arrays.copyOf(bytes, grownCapacity(bytes.length, start, n));
        grown = true;
        byteTop = start + n;
        return start;
    }

    /** Doubles {@code capacity} until {@code used + n} fits. */
    private static int grownCapacity(int capacity, int used, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("allocation size < 0: " + n);
        }
        long needed = (long) used + n;
        if (needed > MAX_ARRAY) {
            throw new OutOfMemoryError("arena region would exceed the maximum array size: " + needed);
        }
        long c = capacity;
        while (c < needed) {
            c <<= 1;
        }
        return (int) Math.min(c, MAX_ARRAY);
    }

    /** Counts quiet requests per grown region and shrinks a region after {@link #SHRINK_AFTER} of them. */
    private void shrinkIfIdle() {
        if (ints.length > initialInts) {
            smallIntRequests = intTop <= ints.length / 4 ? smallIntRequests + 1 : 0;
            if (smallIntRequests >= SHRINK_AFTER) {
                ints = new int[initialInts];
                smallIntRequests = 0;
            }
        }
        if (bytes.length > initialBytes) {
            smallByteRequests = byteTop <= bytes.length / 4 ? smallByteRequests + 1 : 0;
            if (smallByteRequests >= SHRINK_AFTER) {
                bytes = new byte[initialBytes];
                smallByteRequests = 0;
            }
        }
        grown = ints.length > initialInts || bytes.length > initialBytes;
    }

    @Override
    public String toString() {
        return "Arena[ints " + intTop + "/" + ints.length + ", bytes " + byteTop + "/" + bytes.length + "]";
    }
}
