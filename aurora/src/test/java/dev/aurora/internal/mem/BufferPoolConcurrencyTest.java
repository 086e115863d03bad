package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many platform and virtual threads acquiring and releasing at once: no buffer is ever leased to two
 * threads at the same time, the bound holds, and when all are done every buffer is back.
 *
 * <p>Each thread writes a marker unique to the thread and the cycle at both ends of its buffer,
 * yields so others run while it holds the buffer, and checks the marker before releasing: another
 * holder of the same buffer would have overwritten it.
 */
class BufferPoolConcurrencyTest {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int PLATFORM_THREADS = 8;
    private static final int VIRTUAL_THREADS = 1000;
    private static final int PLATFORM_CYCLES = 20_000;
    private static final int VIRTUAL_CYCLES = 200;
    private static final int[] CLASSES = {1024, 4096, 16384};
    private static final int MAX_PER_CLASS = 32;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void noBufferIsLeasedTwiceAndAllComeBack() throws InterruptedException {
        // A small bound and 4 stripes: threads share stripes, steal, and exhaust classes.
        BufferPool pool = new BufferPool(CLASSES, MAX_PER_CLASS, 4);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < PLATFORM_THREADS; i++) {
            threads.add(Thread.ofPlatform().name("pool-platform-" + i).unstarted(worker(pool, start, failures, PLATFORM_CYCLES)));
        }
        for (int i = 0; i < VIRTUAL_THREADS; i++) {
            threads.add(Thread.ofVirtual().name("pool-virtual-" + i).unstarted(worker(pool, start, failures, VIRTUAL_CYCLES)));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }

        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " failures, first: " + failures.peek());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        BufferPool.Stats stats = pool.stats();
        long acquires = (long) PLATFORM_THREADS * PLATFORM_CYCLES + (long) VIRTUAL_THREADS * VIRTUAL_CYCLES;
        assertEquals(0, stats.outstanding(), stats::toString);
        assertEquals(acquires, stats.hits() + stats.misses() + stats.fallbacks(), stats::toString);
        assertEquals(0, stats.oversize() + stats.doubleReleases() + stats.foreignReleases(), stats::toString);
        assertTrue(stats.misses() <= (long) CLASSES.length * MAX_PER_CLASS, stats::toString);
        assertEquals(stats.misses(), stats.retained(), "every pooled buffer is free again: " + stats);
        // Up to 1,008 threads hold a buffer at once against 96 pooled ones: both paths ran.
        assertTrue(stats.hits() > 0 && stats.fallbacks() > 0, stats::toString);
    }

    private static Runnable worker(BufferPool pool, CountDownLatch start, Queue<Throwable> failures, int cycles) {
        return () -> {
            try {
                start.await();
                long id = Thread.currentThread().threadId();
                for (int i = 0; i < cycles; i++) {
                    int size = CLASSES[(int) ((id + i) % CLASSES.length)];
                    PooledBuffer b = pool.acquire(size);
                    byte[] a = b.array();
                    long marker = id << 32 | i;
                    LONGS.set(a, 0, marker);
                    LONGS.set(a, a.length - 8, marker);
                    if (i % 4 == 0) {
                        Thread.yield(); // let others run while this one holds the buffer
                    }
                    if (!b.leased() || (long) LONGS.get(a, 0) != marker || (long) LONGS.get(a, a.length - 8) != marker) {
                        failures.add(new AssertionError("buffer shared: " + b + " in " + Thread.currentThread()));
                        return;
                    }
                    b.release();
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        };
    }
}
