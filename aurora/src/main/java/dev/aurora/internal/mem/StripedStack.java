package dev.aurora.internal.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded stack of non-negative {@code int}s (slot numbers of pooled things), shared by
 * {@link BufferPool} and {@link ObjectPool}: a few array-backed stacks ("stripes"), each guarded by
 * its own spin lock, so threads on different cores rarely touch the same lock or cache line.
 *
 * <p>Stripes. The JDK offers no public way to learn the carrier under a virtual thread, so a thread's
 * home stripe comes from a hash of its thread id. {@link #pop()} and {@link #push} try the home stripe
 * first and then the others (stealing on pop, spilling on push), so a single thread can use the whole
 * capacity, and a pop finds nothing only when every stripe is empty. Each makes two passes: the first
 * only {@code tryLock}s and moves on when another thread holds a stripe, the second waits for the lock
 * of every stripe that still looks usable.
 *
 * <p>Locks. A critical section is a few plain array and field accesses, with no allocation and
 * nothing that can block, so waiting means spinning with {@link Thread#onSpinWait()}; after a while
 * it yields instead, because on an oversubscribed machine the holder may have been descheduled by the
 * OS in the middle of one. A lock-free Treiber stack was not used: pooled items are reused nodes,
 * which exposes it to ABA.
 *
 * <p>Why ints and not references. Storing a reference into an array shared between threads dirties
 * a GC card (ParallelGC and SerialGC do it on every reference store); one byte of the card table
 * covers 512 bytes of heap, so one cache line of it covers 32 KiB, and the stripes' arrays, a few
 * hundred bytes apart, would all dirty the same line. Measured: two threads on two home stripes took
 * 53 ns per push+pop each with references and 15 ns with ints (ParallelGC; one thread 15 ns). So
 * pools keep their objects in a registry array that is written once per slot and push slot numbers.
 *
 * <p>Padding. Each stripe's lock, top and counters sit between two 64-byte pads, and its value array
 * has 64 spare bytes at each end: a stack that is full or empty works at one end of its array, which
 * would otherwise share a cache line with whatever object the allocator put next to it (measured:
 * two threads cycling an {@link ObjectPool} took 67 instead of 32 ns per acquire + release each when
 * the hot end of one's stripe happened to neighbour the other's).
 *
 * <p>The capacity is split exactly over the stripes (the first {@code capacity % stripes} stripes
 * hold one more), so the stack never holds more than {@code capacity} values. Pushes and pops are
 * counted per stripe inside the critical section, which costs nothing extra; the sums are exact when
 * no operation is in flight.
 *
 * <p>Thread-safe; used by any thread.
 */
final class StripedStack {
    /** What {@link #pop()} returns when every stripe is empty. */
    static final int EMPTY = -1;
    /** Spins with {@link Thread#onSpinWait()} before each further attempt yields instead. */
    private static final int SPINS_BEFORE_YIELD = 64;
    private static final int MAX_STRIPES = 64;
    /** Unused ints (64 bytes) at each end of a stripe's value array. */
    private static final int VALUE_PAD = 16;
    private static final VarHandle LOCK;
    private static final VarHandle TOP;
    private static final VarHandle POPS;
    private static final VarHandle PUSHES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            LOCK = lookup.findVarHandle(StripeFields.class, "lock", int.class);
            TOP = lookup.findVarHandle(StripeFields.class, "top", int.class);
            POPS = lookup.findVarHandle(StripeFields.class, "pops", long.class);
            PUSHES = lookup.findVarHandle(StripeFields.class, "pushes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Stripe[] stripes;
    private final int mask;
    private final int capacity;

    /**
     * @param capacity most values held at once, over all stripes ({@code >= 0})
     * @param stripes number of stripes, a power of two from 1 to 64
     */
    StripedStack(int capacity, int stripes) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0: " + capacity);
        }
        if (stripes < 1 || stripes > MAX_STRIPES || Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two in [1, 64]: " + stripes);
        }
        this.stripes = new Stripe[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new Stripe(capacity / stripes + (i < capacity % stripes ? 1 : 0));
        }
        this.mask = stripes - 1;
        this.capacity = capacity;
    }

    /**
     * Stripes for this machine: twice the processors rounded up to a power of two, at most 64. Two
     * threads running on different cores then share a home stripe with probability at most one in
     * {@code 2 * cores}.
     */
    static int defaultStripes() {
        int want = 2 * Runtime.getRuntime().availableProcessors();
        return Math.min(MAX_STRIPES, Integer.highestOneBit(Math.max(1, want - 1)) << 1);
    }

    /** Most values held at once. */
    int capacity() {
        return capacity;
    }

    int stripes() {
        return stripes.length;
    }

    /** Takes a value, home stripe first, else from any other; {@link #EMPTY} if all looked empty. */
    int pop() {
        Stripe[] all = stripes;
        int home = home();
        for (int i = 0; i <= mask; i++) {
            Stripe s = all[(home + i) & mask];
            if ((int) TOP.getOpaque(s) > 0 && s.tryLock()) {
                int value = s.popLocked();
                if (value != EMPTY) {
                    return value;
                }
            }
        }
        for (int i = 0; i <= mask; i++) {
            Stripe s = all[(home + i) & mask];
            if ((int) TOP.getOpaque(s) > 0) {
                s.lock();
                int value = s.popLocked();
                if (value != EMPTY) {
                    return value;
                }
            }
        }
        return EMPTY;
    }

    /** Stores a value ({@code >= 0}), home stripe first, else in any with room; false if all looked full. */
    boolean push(int value) {
        Stripe[] all = stripes;
        int home = home();
        for (int i = 0; i <= mask; i++) {
            Stripe s = all[(home + i) & mask];
            if ((int) TOP.getOpaque(s) < s.capacity && s.tryLock() && s.pushLocked(value)) {
                return true;
            }
        }
        for (int i = 0; i <= mask; i++) {
            Stripe s = all[(home + i) & mask];
            if ((int) TOP.getOpaque(s) < s.capacity) {
                s.lock();
                if (s.pushLocked(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Values held now; exact only when no operation is in flight. */
    int size() {
        int n = 0;
        for (Stripe s : stripes) {
            n += (int) TOP.getOpaque(s);
        }
        return n;
    }

    /** Successful pops so far; exact only when no operation is in flight. */
    long pops() {
        long n = 0;
        for (Stripe s : stripes) {
            n += (long) POPS.getOpaque(s);
        }
        return n;
    }

    /** Successful pushes so far; exact only when no operation is in flight. */
    long pushes() {
        long n = 0;
        for (Stripe s : stripes) {
            n += (long) PUSHES.getOpaque(s);
        }
        return n;
    }

    /**
     * The current thread's home stripe: a Fibonacci hash of the thread id, whose high bits spread the
     * sequential ids of virtual threads evenly.
     */
    private int home() {
        long h = Thread.currentThread().threadId() * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }

    /**
     * Cache-line padding before the hot fields; superclass fields are laid out first. The int fills
     * the gap after the object header, where HotSpot would otherwise put a subclass field (the lock),
     * next to whatever object precedes this one in memory.
     */
    @SuppressWarnings("unused")
    abstract static class PadBefore {
        int p00;
        long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    /** The state of one stripe; written only while {@code lock} is held, except {@code lock} itself. */
    abstract static class StripeFields extends PadBefore {
        final int[] values;
        final int capacity;
        int lock;
        int top;
        long pops;
        long pushes;

        StripeFields(int capacity) {
            this.values = new int[capacity + 2 * VALUE_PAD];
            this.capacity = capacity;
        }
    }

    /** One stripe, padded on both sides so neighbouring stripes do not share a cache line. */
    @SuppressWarnings("unused")
    static final class Stripe extends StripeFields {
        long q01, q02, q03, q04, q05, q06, q07, q08;

        Stripe(int capacity) {
            super(capacity);
        }

        boolean tryLock() {
            return LOCK.compareAndSet(this, 0, 1);
        }

        void lock() {
            int spins = 0;
            while (!LOCK.compareAndSet(this, 0, 1)) {
                do {
                    if (++spins < SPINS_BEFORE_YIELD) {
                        Thread.onSpinWait();
                    } else {
                        // The holder may be descheduled; give its core back rather than burn a slice.
                        Thread.yield();
                    }
                } while ((int) LOCK.getOpaque(this) != 0);
            }
        }

        /** Pops under the lock and releases it; {@link #EMPTY} if empty. */
        int popLocked() {
            int t = top;
            if (t == 0) {
                LOCK.setRelease(this, 0);
                return EMPTY;
            }
            t--;
            int value = values[VALUE_PAD + t];
            TOP.setOpaque(this, t);
            POPS.setOpaque(this, pops + 1);
            LOCK.setRelease(this, 0);
            return value;
        }

        /** Pushes under the lock and releases it; false if full. */
        boolean pushLocked(int value) {
            int t = top;
            if (t == capacity) {
                LOCK.setRelease(this, 0);
                return false;
            }
            values[VALUE_PAD + t] = value;
            TOP.setOpaque(this, t + 1);
            PUSHES.setOpaque(this, pushes + 1);
            LOCK.setRelease(this, 0);
            return true;
        }
    }
}
