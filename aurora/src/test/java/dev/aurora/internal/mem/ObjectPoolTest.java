package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Objects come back reset; at most {@code maxRetained} are kept; the rest are dropped and counted. */
class ObjectPoolTest {

    /** A pooled object with state that a reset must clear. */
    static final class Scratch {
        final StringBuilder text = new StringBuilder();
        final AtomicBoolean inUse = new AtomicBoolean();
    }

    @Test
    void releasedObjectIsResetAndReused() {
        AtomicInteger made = new AtomicInteger();
        ObjectPool<Scratch> pool = new ObjectPool<>(() -> {
            made.incrementAndGet();
            return new Scratch();
        }, s -> s.text.setLength(0), 4, 1);
        Scratch s = pool.acquire();
        s.text.append("request 1");
        pool.release(s);
        Scratch again = pool.acquire();
        assertSame(s, again);
        assertEquals("", again.text.toString());
        assertEquals(1, made.get());
        assertEquals(new ObjectPool.Stats(1, 1, 0, 1, 0), pool.stats());
    }

    @Test
    void keepsAtMostMaxRetainedAndDropsTheRest() {
        AtomicInteger resets = new AtomicInteger();
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> resets.incrementAndGet(), 2, 1);
        assertEquals(2, pool.maxRetained());
        List<Scratch> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(pool.acquire());
        }
        assertEquals(new ObjectPool.Stats(0, 5, 0, 5, 0), pool.stats());
        out.forEach(pool::release);
        assertEquals(5, resets.get(), "every release resets, kept or not");
        assertEquals(new ObjectPool.Stats(0, 5, 3, 0, 2), pool.stats());

        // The two kept are the first two released; then the factory again.
        List<Scratch> again = List.of(pool.acquire(), pool.acquire());
        assertTrue(again.contains(out.get(0)) && again.contains(out.get(1)));
        Scratch fresh = pool.acquire();
        out.forEach(o -> assertNotSame(o, fresh));
        assertEquals(new ObjectPool.Stats(2, 6, 3, 3, 0), pool.stats());
    }

    @Test
    void zeroRetainedKeepsNothing() {
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> { }, 0);
        Scratch s = pool.acquire();
        pool.release(s);
        assertNotSame(s, pool.acquire());
        assertEquals(new ObjectPool.Stats(0, 2, 1, 1, 0), pool.stats());
    }

    @Test
    void failingResetDropsTheObject() {
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> {
            throw new IllegalStateException("cannot reset");
        }, 4, 1);
        Scratch s = pool.acquire();
        assertThrows(IllegalStateException.class, () -> pool.release(s));
        assertEquals(new ObjectPool.Stats(0, 1, 1, 0, 0), pool.stats());
        assertNotSame(s, pool.acquire());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> new ObjectPool<Scratch>(null, s -> { }, 1));
        assertThrows(NullPointerException.class, () -> new ObjectPool<>(Scratch::new, null, 1));
        assertThrows(IllegalArgumentException.class, () -> new ObjectPool<>(Scratch::new, s -> { }, -1));
        ObjectPool<Scratch> nullFactory = new ObjectPool<>(() -> null, s -> { }, 1);
        assertThrows(NullPointerException.class, nullFactory::acquire);
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> { }, 1);
        assertThrows(NullPointerException.class, () -> pool.release(null));
    }

    @Test
    void steadyStateAllocatesNothing() {
        Assumptions.assumeTrue(Allocations.supported(), "per-thread allocation counter not supported");
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> s.text.setLength(0), 16);
        for (int round = 0; round < 20; round++) {
            cycles(pool, 10_000);
        }
        long before = Allocations.allocatedBytes();
        cycles(pool, 100_000);
        long allocated = Allocations.allocatedBytes() - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated by 100,000 acquire/release cycles");
    }

    private static void cycles(ObjectPool<Scratch> pool, int n) {
        for (int i = 0; i < n; i++) {
            Scratch s = pool.acquire();
            s.text.append('x');
            pool.release(s);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentUseNeverSharesAnObject() throws InterruptedException {
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> s.text.setLength(0), 16, 4);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().unstarted(worker(pool, start, failures, 10_000)));
        }
        for (int i = 0; i < 500; i++) {
            threads.add(Thread.ofVirtual().unstarted(worker(pool, start, failures, 100)));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " failures, first: " + failures.peek());
        ObjectPool.Stats stats = pool.stats();
        assertEquals(0, stats.outstanding(), stats::toString);
        assertEquals(8 * 10_000 + 500 * 100, stats.hits() + stats.misses(), stats::toString);
        assertTrue(stats.retained() <= 16, stats::toString);
    }

    private static Runnable worker(ObjectPool<Scratch> pool, CountDownLatch start, Queue<Throwable> failures, int cycles) {
        return () -> {
            try {
                start.await();
                for (int i = 0; i < cycles; i++) {
                    Scratch s = pool.acquire();
                    if (!s.inUse.compareAndSet(false, true) || !s.text.isEmpty()) {
                        failures.add(new AssertionError("object shared or not reset"));
                        return;
                    }
                    s.text.append(i);
                    if (i % 4 == 0) {
                        Thread.yield();
                    }
                    s.inUse.set(false);
                    pool.release(s);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        };
    }

    @Test
    void droppedObjectsAreDiscardedOnceAndKeptOnesNot() {
        List<Scratch> discarded = new ArrayList<>();
        ObjectPool<Scratch> pool = new ObjectPool<>(Scratch::new, s -> s.text.setLength(0), discarded::add, 1);
        Scratch kept = pool.acquire();
        Scratch extra = pool.acquire();
        pool.release(kept);
        pool.release(extra);
        assertEquals(List.of(extra), discarded);
        assertSame(kept, pool.acquire());
    }
}
