package dev.aurora.internal.mem;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Heap byte arrays in a few size classes, reused across connections.
 *
 * <p>Where it sits. An Aurora connection owns its read and write buffers for its whole life and
 * reuses them for every request, so the pool is meant to be hit twice per connection (open and
 * close), not per request. What it saves is the allocation and zeroing of 8-16 KiB, and the young-GC
 * pressure, of every new connection.
 *
 * <p>Size classes. By default 1, 4, 16, 64 and 256 KiB; a request for {@code n} bytes gets a buffer
 * of the smallest class {@code >= n} (1024 -> 1 KiB, 1025 -> 4 KiB). A request above the largest
 * class gets a fresh array of exactly {@code n} bytes that is never pooled, counted as
 * {@link Stats#oversize()}. Sizes below 1 are refused.
 *
 * <p>Bounds. Each class creates at most {@code maxBuffersPerClass} pooled buffers (leased or free),
 * so it never retains more than that. When all of them are leased, {@link #acquire} falls back to a
 * fresh array of the class size that is dropped on release, counted as {@link Stats#fallbacks()}.
 *
 * <p>Handles. {@link #acquire} returns a {@link PooledBuffer}, created once with its array and pooled
 * with it, so steady-state use allocates nothing and a release is checked with one CAS. Releasing a
 * buffer twice, or a buffer this pool did not hand out, never changes the pool: with Java assertions
 * enabled ({@code -ea}, as in tests) it throws {@link IllegalStateException}, otherwise it is counted
 * ({@link Stats#doubleReleases()}, {@link Stats#foreignReleases()}) and ignored. See
 * {@link PooledBuffer} for the one misuse this cannot see.
 *
 * <p>Concurrency. Each class keeps its pooled buffers in a registry array, written once per slot,
 * and the slot numbers of the free ones in a {@link StripedStack}: per-thread home stripes with short
 * spin-locked critical sections, stealing from other stripes before creating a buffer. Hits and
 * releases are counted inside those critical sections, the rarer events (misses, fallbacks, misuse)
 * in {@link LongAdder}s. Nothing here blocks, and a hit or a release allocates nothing and stores no
 * reference (so no GC card is dirtied).
 *
 * <p>Thread-safe; used by any thread.
 */
public final class BufferPool {
    /** Bytes each default size class may hold (leased or free): the count is this over the class size. */
    public static final int DEFAULT_BYTES_PER_CLASS = 4 << 20;
    private static final int[] DEFAULT_SIZE_CLASSES = {1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10};
    private static final boolean THROW_ON_MISUSE = BufferPool.class.desiredAssertionStatus();

    private final int[] sizes;
    private final SizeClass[] classes;
    private final LongAdder misses = new LongAdder();
    private final LongAdder fallbacks = new LongAdder();
    private final LongAdder oversize = new LongAdder();
    private final LongAdder unpooledReleases = new LongAdder();
    private final LongAdder doubleReleases = new LongAdder();
    private final LongAdder foreignReleases = new LongAdder();

    /**
     * The default classes (1, 4, 16, 64, 256 KiB), each holding up to {@link #DEFAULT_BYTES_PER_CLASS}
     * (4096 x 1 KiB ... 16 x 256 KiB, 20 MiB in all), striped for this machine.
     */
    public BufferPool() {
        this(DEFAULT_SIZE_CLASSES, perClassDefault(DEFAULT_SIZE_CLASSES), StripedStack.defaultStripes());
    }

    /**
     * Given classes, each holding up to {@code maxBuffersPerClass} buffers, striped for this machine.
     *
     * @param sizeClasses class sizes in bytes, strictly increasing, each {@code >= 1}
     * @param maxBuffersPerClass most pooled buffers per class, leased or free ({@code >= 0})
     */
    public BufferPool(int[] sizeClasses, int maxBuffersPerClass) {
        this(sizeClasses, maxBuffersPerClass, StripedStack.defaultStripes());
    }

    /**
     * Given classes, bound and number of stripes.
     *
     * @param sizeClasses class sizes in bytes, strictly increasing, each {@code >= 1}
     * @param maxBuffersPerClass most pooled buffers per class, leased or free ({@code >= 0})
     * @param stripes stripes per class, a power of two from 1 to 64
     */
    public BufferPool(int[] sizeClasses, int maxBuffersPerClass, int stripes) {
        this(sizeClasses, sameForEach(sizeClasses, maxBuffersPerClass), stripes);
    }

    private BufferPool(int[] sizeClasses, int[] maxBuffersPerClass, int stripes) {
        int[] s = sizeClasses.clone();
        if (s.length == 0) {
            throw new IllegalArgumentException("no size classes");
        }
        for (int i = 0; i < s.length; i++) {
            if (s[i] < 1 || (i > 0 && s[i] <= s[i - 1])) {
                throw new IllegalArgumentException("size classes must be >= 1 and strictly increasing: "
                        + Arrays.toString(s));
            }
            if (maxBuffersPerClass[i] < 0) {
                throw new IllegalArgumentException("maxBuffersPerClass < 0: " + maxBuffersPerClass[i]);
            }
        }
        this.sizes = s;
        this.classes = new SizeClass[s.length];
        for (int i = 0; i < s.length; i++) {
            classes[i] = new SizeClass(s[i], maxBuffersPerClass[i], stripes);
        }
    }

    private static int[] perClassDefault(int[] sizes) {
        int[] max = new int[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            max[i] = Math.max(1, DEFAULT_BYTES_PER_CLASS / sizes[i]);
        }
        return max;
    }

    private static int[] sameForEach(int[] sizes, int max) {
        int[] all = new int[sizes.length];
        Arrays.fill(all, max);
        return all;
    }

    /** The class sizes in bytes, smallest first. */
    public int[] sizeClasses() {
        return sizes.clone();
    }

    /** Most pooled buffers the class of {@code sizeClasses()[index]} holds, leased or free. */
    public int maxBuffers(int index) {
        return classes[index].buffers.length;
    }

    /** Stripes per class. */
    public int stripes() {
        return classes[0].free.stripes();
    }

    /**
     * Leases a buffer of at least {@code size} bytes: a free buffer of the smallest fitting class if
     * there is one, else a new pooled one while the class is below its bound, else a fresh unpooled
     * one. Above the largest class, a fresh unpooled array of exactly {@code size} bytes. The array's
     * contents are whatever the last holder left.
     *
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public PooledBuffer acquire(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("buffer size must be >= 1: " + size);
        }
        int c = classOf(size);
        PooledBuffer b;
        if (c < 0) {
            oversize.increment();
            b = new PooledBuffer(this, new byte[size], PooledBuffer.UNPOOLED, PooledBuffer.UNPOOLED);
        } else {
            SizeClass sc = classes[c];
            int slot = sc.free.pop();
            b = slot != StripedStack.EMPTY ? sc.buffers[slot] : create(c, sc);
        }
        b.lease();
        return b;
    }

    /**
     * Gives a buffer back. A pooled buffer becomes free for the next {@link #acquire}; a fallback or
     * oversize one is left to the garbage collector. The caller must not use it afterwards.
     *
     * @throws IllegalStateException with assertions enabled, if the buffer is not leased (released
     *     twice) or was not handed out by this pool; without, such a release is counted and ignored
     */
    public void release(PooledBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer.pool() != this) {
            foreignReleases.increment();
            misuse("buffer not from this pool released: ", buffer);
            return;
        }
        if (!buffer.free()) {
            doubleReleases.increment();
            misuse("buffer released twice: ", buffer);
            return;
        }
        int c = buffer.sizeClass();
        if (c == PooledBuffer.UNPOOLED) {
            unpooledReleases.increment();
            return;
        }
        StripedStack free = classes[c].free;
        while (!free.push(buffer.slot())) {
            // There is room: the stack has a place for every buffer of the class, and this one is in
            // none. A scan fails only when pops and pushes moved the free place behind it; scan again.
            Thread.onSpinWait();
        }
    }

    /** A snapshot of the counters; exact when no acquire or release is in flight. */
    public Stats stats() {
        long hits = 0;
        long returned = 0;
        long retained = 0;
        for (SizeClass sc : classes) {
            hits += sc.free.pops();
            returned += sc.free.pushes();
            retained += sc.free.size();
        }
        long m = misses.sum();
        long f = fallbacks.sum();
        long o = oversize.sum();
        long outstanding = hits + m + f + o - returned - unpooledReleases.sum();
        return new Stats(hits, m, f, o, outstanding, retained, doubleReleases.sum(), foreignReleases.sum());
    }

    /** Index of the smallest class {@code >= size}, or -1 above the largest. */
    private int classOf(int size) {
        int[] s = sizes;
        for (int i = 0; i < s.length; i++) {
            if (size <= s[i]) {
                return i;
            }
        }
        return -1;
    }

    /** A new pooled buffer in the next unused registry slot, or an unpooled fallback if there is none. */
    private PooledBuffer create(int c, SizeClass sc) {
        // Read first: once the class is exhausted, fallbacks leave the shared counter alone.
        if (sc.created.get() < sc.buffers.length) {
            int slot = sc.created.getAndIncrement();
            if (slot < sc.buffers.length) {
                misses.increment();
                PooledBuffer b = new PooledBuffer(this, new byte[sc.size], c, slot);
                // Published to other threads by the stack's lock when the buffer is first released.
                sc.buffers[slot] = b;
                return b;
            }
        }
        fallbacks.increment();
        return new PooledBuffer(this, new byte[sc.size], PooledBuffer.UNPOOLED, PooledBuffer.UNPOOLED);
    }

    private static void misuse(String problem, PooledBuffer buffer) {
        if (THROW_ON_MISUSE) {
            throw new IllegalStateException(problem + buffer);
        }
    }

    @Override
    public String toString() {
        return "BufferPool" + Arrays.toString(sizes) + " " + stats();
    }

    /**
     * One size class: its pooled buffers by slot, written once per slot, and the slots of the free
     * ones. Slots, not references, go through the stack (see {@link StripedStack} for why).
     */
    private static final class SizeClass {
        final int size;
        final PooledBuffer[] buffers;
        final StripedStack free;
        /** Slots handed out so far; at or above {@code buffers.length} the class is exhausted. */
        final AtomicInteger created = new AtomicInteger();

        SizeClass(int size, int maxBuffers, int stripes) {
            this.size = size;
            this.buffers = new PooledBuffer[maxBuffers];
            this.free = new StripedStack(maxBuffers, stripes);
        }
    }

    /**
     * Counters of a {@link BufferPool}, summed over its classes.
     *
     * @param hits acquires served by a free pooled buffer
     * @param misses acquires that created a new pooled buffer (the class was below its bound)
     * @param fallbacks acquires that got a fresh unpooled buffer because every pooled buffer of the
     *     class was leased
     * @param oversize acquires above the largest class, served by a fresh unpooled buffer
     * @param outstanding buffers acquired and not yet released, pooled or not
     * @param retained free pooled buffers held now
     * @param doubleReleases releases of a buffer that was not leased
     * @param foreignReleases releases of a buffer this pool did not hand out
     */
    public record Stats(long hits, long misses, long fallbacks, long oversize, long outstanding,
            long retained, long doubleReleases, long foreignReleases) {
    }
}
