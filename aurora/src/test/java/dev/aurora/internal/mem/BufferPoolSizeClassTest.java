package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A request for n bytes gets the smallest class >= n; beyond the largest, exactly n unpooled. */
class BufferPoolSizeClassTest {
    private static final int KIB = 1024;

    @Test
    void defaultClassesAreOneFourSixteenSixtyFourAndTwoHundredFiftySixKib() {
        BufferPool pool = new BufferPool();
        assertArrayEquals(new int[] {KIB, 4 * KIB, 16 * KIB, 64 * KIB, 256 * KIB}, pool.sizeClasses());
        // 4 MiB per class by default.
        assertEquals(4096, pool.maxBuffers(0));
        assertEquals(16, pool.maxBuffers(4));
        assertEquals(1, Integer.bitCount(pool.stripes()));
    }

    @ParameterizedTest(name = "{0} bytes -> {1}")
    @CsvSource({
        "1, 1024",
        "1023, 1024",
        "1024, 1024",
        "1025, 4096",
        "4096, 4096",
        "4097, 16384",
        "8192, 16384",
        "16384, 16384",
        "16385, 65536",
        "65536, 65536",
        "65537, 262144",
        "262144, 262144",
    })
    void smallestClassThatFits(int request, int capacity) {
        BufferPool pool = new BufferPool();
        PooledBuffer b = pool.acquire(request);
        assertEquals(capacity, b.capacity());
        assertEquals(capacity, b.array().length);
        assertTrue(b.pooled());
        assertTrue(b.leased());
        assertEquals(pool, b.pool());
        b.release();
        assertFalse(b.leased());
    }

    @Test
    void aboveTheLargestClassIsExactAndUnpooled() {
        BufferPool pool = new BufferPool();
        PooledBuffer b = pool.acquire(256 * KIB + 1);
        assertEquals(256 * KIB + 1, b.capacity());
        assertFalse(b.pooled());
        assertEquals(new BufferPool.Stats(0, 0, 0, 1, 1, 0, 0, 0), pool.stats());
        b.release();
        assertEquals(new BufferPool.Stats(0, 0, 0, 1, 0, 0, 0, 0), pool.stats());
        PooledBuffer again = pool.acquire(256 * KIB + 1);
        assertTrue(again != b && again.array() != b.array(), "oversize buffers are never reused");
        again.release();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void zeroOrNegativeSizesAreRefused(int size) {
        BufferPool pool = new BufferPool();
        assertThrows(IllegalArgumentException.class, () -> pool.acquire(size));
        assertEquals(new BufferPool.Stats(0, 0, 0, 0, 0, 0, 0, 0), pool.stats());
    }

    @Test
    void customClasses() {
        BufferPool pool = new BufferPool(new int[] {100, 1000}, 2, 1);
        assertEquals(100, pool.acquire(1).capacity());
        assertEquals(100, pool.acquire(100).capacity());
        assertEquals(1000, pool.acquire(101).capacity());
        assertEquals(1001, pool.acquire(1001).capacity());
        assertEquals(1, pool.stripes());
    }

    @Test
    void badConstructionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[0], 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {0, 10}, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {10, 10}, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {20, 10}, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {10}, -1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {10}, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {10}, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(new int[] {10}, 1, 128));
    }

    @Test
    void classListIsCopied() {
        int[] classes = {10, 20};
        BufferPool pool = new BufferPool(classes, 1);
        classes[0] = 15;
        pool.sizeClasses()[1] = 5;
        assertArrayEquals(new int[] {10, 20}, pool.sizeClasses());
    }
}
