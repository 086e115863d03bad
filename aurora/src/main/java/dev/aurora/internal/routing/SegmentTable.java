package dev.aurora.internal.routing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The static children of one route-tree node: segment bytes to value, in an open-addressing table
 * with linear probing, so a lookup costs one hash of the segment (already computed by the caller
 * while it scanned for the next {@code '/'}) and usually one byte compare, whatever the fan-out.
 *
 * <p>Immutable after construction; read by any thread without locking.
 */
final class SegmentTable<V> {
    private final byte[][] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;

    /** Builds the table; {@code segments} are distinct, non-empty ASCII strings. */
    SegmentTable(List<String> segments, List<V> children) {
        // At most half full, so probe runs stay short and a miss ends at an empty slot quickly.
        int capacity = Integer.highestOneBit(Math.max(2, segments.size() * 2) - 1) << 1;
        keys = new byte[capacity][];
        hashes = new int[capacity];
        values = new Object[capacity];
        mask = capacity - 1;
        for (int i = 0; i < segments.size(); i++) {
            byte[] key = segments.get(i).getBytes(StandardCharsets.US_ASCII);
            int h = hash(key, 0, key.length);
            int slot = spread(h) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            hashes[slot] = h;
            values[slot] = children.get(i);
        }
    }

    /**
     * The value for the segment {@code b[from, to)}, or null.
     *
     * @param hash {@link #step}-accumulated hash of exactly those bytes
     */
    @SuppressWarnings("unchecked")
    V find(byte[] b, int from, int to, int hash) {
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                return null;
            }
            if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, b, from, to)) {
                return (V) values[slot];
            }
        }
    }

    /** One step of the segment hash; the caller folds it over the bytes as it scans them. */
    static int step(int hash, byte b) {
        return 31 * hash + b;
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = step(h, b[i]);
        }
        return h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
