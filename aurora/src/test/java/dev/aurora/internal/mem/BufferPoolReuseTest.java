package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Released buffers come back; each class stays within its bound and counts what it could not pool. */
class BufferPoolReuseTest {
    private static final int[] CLASSES = {1024, 4096};

    @Test
    void releasedBufferIsReusedWithItsHandle() {
        BufferPool pool = new BufferPool(CLASSES, 4, 1);
        PooledBuffer first = pool.acquire(1000);
        byte[] array = first.array();
        array[0] = 42;
        first.release();

        PooledBuffer second = pool.acquire(10);
        assertSame(first, second);
        assertSame(array, second.array());
        assertEquals(42, second.array()[0], "contents are not cleared");
        assertTrue(second.leased());
        second.release();
        assertEquals(new BufferPool.Stats(1, 1, 0, 0, 0, 1, 0, 0), pool.stats());
    }

    @Test
    void classesDoNotShareBuffers() {
        BufferPool pool = new BufferPool(CLASSES, 4, 1);
        PooledBuffer small = pool.acquire(1024);
        small.release();
        PooledBuffer large = pool.acquire(1025);
        assertNotSame(small, large);
        assertEquals(4096, large.capacity());
        assertEquals(2, pool.stats().misses());
    }

    @Test
    void exhaustedClassFallsBackToUnpooledBuffersAndCountsThem() {
        BufferPool pool = new BufferPool(CLASSES, 2, 1);
        PooledBuffer a = pool.acquire(1024);
        PooledBuffer b = pool.acquire(1024);
        PooledBuffer c = pool.acquire(1024);
        PooledBuffer d = pool.acquire(1024);
        assertTrue(a.pooled() && b.pooled());
        assertFalse(c.pooled() || d.pooled());
        assertEquals(1024, c.capacity(), "a fallback has the class size");
        assertEquals(new BufferPool.Stats(0, 2, 2, 0, 4, 0, 0, 0), pool.stats());

        // The other class has its own bound.
        PooledBuffer other = pool.acquire(4096);
        assertTrue(other.pooled());

        for (PooledBuffer x : List.of(a, b, c, d, other)) {
            x.release();
        }
        assertEquals(new BufferPool.Stats(0, 3, 2, 0, 0, 3, 0, 0), pool.stats());

        // Only the pooled ones were kept: two come back, the third acquire creates nothing new.
        Set<PooledBuffer> again = Collections.newSetFromMap(new IdentityHashMap<>());
        again.add(pool.acquire(1024));
        again.add(pool.acquire(1024));
        assertEquals(Set.of(a, b), Set.copyOf(again));
        assertFalse(pool.acquire(1024).pooled());
        assertEquals(new BufferPool.Stats(2, 3, 3, 0, 3, 1, 0, 0), pool.stats());
    }

    @Test
    void zeroBoundMeansEveryAcquireFallsBack() {
        BufferPool pool = new BufferPool(CLASSES, 0, 1);
        PooledBuffer b = pool.acquire(1);
        assertFalse(b.pooled());
        b.release();
        assertEquals(new BufferPool.Stats(0, 0, 1, 0, 0, 0, 0, 0), pool.stats());
    }

    @Test
    void oneThreadCanUseTheWholeBoundAcrossStripes() {
        // 6 buffers over 8 stripes: most stripes hold one, two hold none; release spills to the
        // others when the home stripe is full, acquire steals from them when it is empty.
        BufferPool pool = new BufferPool(CLASSES, 6, 8);
        List<PooledBuffer> leased = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            leased.add(pool.acquire(1024));
        }
        leased.forEach(PooledBuffer::release);
        assertEquals(6, pool.stats().retained());
        Set<PooledBuffer> again = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 6; i++) {
            again.add(pool.acquire(1024));
        }
        assertEquals(Set.copyOf(leased), Set.copyOf(again));
        assertEquals(new BufferPool.Stats(6, 6, 0, 0, 6, 0, 0, 0), pool.stats());
    }

    @Test
    void statsCountEveryKindOfAcquire() {
        BufferPool pool = new BufferPool(CLASSES, 1, 1);
        PooledBuffer miss = pool.acquire(1);
        PooledBuffer fallback = pool.acquire(1);
        PooledBuffer oversize = pool.acquire(5000);
        miss.release();
        PooledBuffer hit = pool.acquire(1);
        assertSame(miss, hit);
        assertEquals(new BufferPool.Stats(1, 1, 1, 1, 3, 0, 0, 0), pool.stats());
        hit.release();
        fallback.release();
        oversize.release();
        assertEquals(new BufferPool.Stats(1, 1, 1, 1, 0, 1, 0, 0), pool.stats());
    }

    @Test
    void steadyStateAllocatesNothing() {
        Assumptions.assumeTrue(Allocations.supported(), "per-thread allocation counter not supported");
        BufferPool pool = new BufferPool();
        int sum = 0;
        for (int round = 0; round < 20; round++) { // warm up, so JIT compilation is not counted
            sum += cycles(pool, 10_000);
        }
        long before = Allocations.allocatedBytes();
        sum += cycles(pool, 100_000);
        long allocated = Allocations.allocatedBytes() - before;
        assertEquals(0, pool.stats().outstanding());
        assertTrue(sum != 0);
        assertTrue(allocated < 1024, allocated + " bytes allocated by 200,000 acquire/release cycles");
    }

    private static int cycles(BufferPool pool, int n) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            PooledBuffer read = pool.acquire(8192);
            PooledBuffer write = pool.acquire(16384);
            sum += read.capacity() + write.capacity();
            write.release();
            read.release();
        }
        return sum;
    }
}
