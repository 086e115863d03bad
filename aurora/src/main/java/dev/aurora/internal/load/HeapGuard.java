package dev.aurora.internal.load;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Tells the acceptor when the heap is too full to take another connection, so the server refuses
 * with a fast {@code 503} while it still can, instead of accepting until an
 * {@link OutOfMemoryError} hits whatever allocates next.
 *
 * <p>The measure is the heap in use right after the last collection of each pool (the memory pools'
 * collection usage): what live objects hold, not garbage that the next young collection frees.
 * Above {@link #REFUSE_ABOVE} of the pools' maximum the guard refuses; it reads the pools at most
 * once per {@link #RECHECK_NANOS}, so an accept pays a volatile read and a clock read.
 *
 * <p>The old generation's figure changes only when the old generation is collected, and a server
 * that refuses allocates too little to cause that: once connections have closed, the figure would
 * still say full. So while it refuses, the guard asks for a collection, at most once per
 * {@link #RECOLLECT_NANOS}, to learn whether the pressure has gone.
 *
 * <p>Thread-safe: the acceptor threads call it.
 */
public final class HeapGuard {
    /** Room left for requests in flight, the 503s themselves and the collector's own needs. */
    static final double REFUSE_ABOVE = 0.85;
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final long RECOLLECT_NANOS = TimeUnit.SECONDS.toNanos(2);

    /** The pools, or null until the heap first looks full enough to ask them (see {@link #liveShare}). */
    private volatile List<MemoryPoolMXBean> pools;
    /** Whether a cheap look at the whole heap may answer first (the JVM's own pools, not a test's). */
    private final boolean runtimeFirst;
    private final double refuseAbove;
    private volatile long nextCheck = System.nanoTime();
    private volatile boolean full;
    private volatile long nextCollection;
    /** Set when a request's OutOfMemoryError has unwound; process-wide, as the heap is. */
    private static volatile boolean oomUnwound;

    /** A guard over this JVM's heap pools that report their use after a collection. */
    public HeapGuard() {
        this(null, REFUSE_ABOVE, true);
    }

    HeapGuard(List<MemoryPoolMXBean> pools, double refuseAbove) {
        this(pools, refuseAbove, false);
    }

    private HeapGuard(List<MemoryPoolMXBean> pools, double refuseAbove, boolean runtimeFirst) {
        this.pools = pools;
        this.refuseAbove = refuseAbove;
        this.runtimeFirst = runtimeFirst;
    }

    private static List<MemoryPoolMXBean> collectedHeapPools() {
        List<MemoryPoolMXBean> found = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported()) {
                found.add(pool);
            }
        }
        return List.copyOf(found);
    }

    /** Whether a new connection should be refused because live objects fill most of the heap. */
    public boolean heapFull() {
        long now = System.nanoTime();
        boolean unwound = oomUnwound;
        if (unwound || now - nextCheck >= 0) {
            if (unwound) {
                oomUnwound = false;
            }
            nextCheck = now + RECHECK_NANOS;
            boolean wasFull = full;
            boolean isFull = liveShare() > refuseAbove;
            if (isFull && (unwound || wasFull && now - nextCollection >= 0)) {
                nextCollection = now + RECOLLECT_NANOS;
                System.gc();
                isFull = liveShare() > refuseAbove;
            } else if (isFull && !wasFull) {
                nextCollection = now + RECOLLECT_NANOS;
            }
            full = isFull;
        }
        return full;
    }

    /**
     * Tells the guards that a request ran out of memory and its frames have unwound: what it held
     * is garbage now, but the last collection (the one that failed) saw it live. The next check
     * collects before it decides, instead of refusing connections on that stale figure for
     * {@link #RECOLLECT_NANOS}.
     */
    public static void outOfMemoryUnwound() {
        oomUnwound = true;
    }

    /** Heap in use after the last collection, as a share of the maximum of the same pools. */
    /** @return whether the memory pools were looked up (tests: a roomy heap never needs them) */
    boolean poolsConsulted() {
        return pools != null;
    }

    double liveShare() {
        if (runtimeFirst) {
            // Live objects are at most what the heap holds now, garbage included: while that is under
            // the line, the memory pools (and the 50-odd management classes behind them, which a
            // command-line tool would load at its first request) need not be asked.
            Runtime runtime = Runtime.getRuntime();
            double upperBound = (double) (runtime.totalMemory() - runtime.freeMemory()) / runtime.maxMemory();
            if (upperBound <= refuseAbove) {
                return upperBound;
            }
        }
        List<MemoryPoolMXBean> heapPools = pools;
        if (heapPools == null) {
            heapPools = collectedHeapPools(); // idempotent: a race builds the same list twice
            pools = heapPools;
        }
        long used = 0;
        long max = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            MemoryUsage after = pool.getCollectionUsage();
            long poolMax = pool.getUsage().getMax();
            if (after == null || poolMax <= 0) {
                continue;
            }
            used += after.getUsed();
            max += poolMax;
        }
        return max == 0 ? 0 : (double) used / max;
    }
}
