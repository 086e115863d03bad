package dev.aurora.internal.server;

import java.util.Arrays;

/**
 * Per-request attributes ({@code ctx.attribute(key, value)}): keys and values in two small arrays,
 * searched linearly, because a request carries a handful at most and a map would cost an
 * allocation per request. Cleared between requests. Runs on the connection's virtual thread.
 */
final class Attributes {
    private static final int INITIAL = 4;
    private String[] keys;
    private Object[] values;
    private int size;

    Attributes() {
        this(INITIAL);
    }

    private Attributes(int capacity) {
        keys = new String[capacity];
        values = new Object[capacity];
    }

    Object get(String key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    void put(String key, Object value) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                if (value == null) {
                    remove(i);
                } else {
                    values[i] = value;
                }
                return;
            }
        }
        if (value == null) {
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(INITIAL, size * 2));
            values = Arrays.copyOf(values, Math.max(INITIAL, size * 2));
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    private void remove(int i) {
        size--;
        keys[i] = keys[size];
        values[i] = values[size];
        keys[size] = null;
        values[size] = null;
    }

    /** A copy holding exactly these entries, for a request that outlives its exchange. */
    Attributes copy() {
        Attributes c = new Attributes(size);
        System.arraycopy(keys, 0, c.keys, 0, size);
        System.arraycopy(values, 0, c.values, 0, size);
        c.size = size;
        return c;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            keys[i] = null;
            values[i] = null;
        }
        size = 0;
    }
}
