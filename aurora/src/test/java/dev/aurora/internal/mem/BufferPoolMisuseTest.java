package dev.aurora.internal.mem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/**
 * Releasing a buffer twice, or one the pool did not hand out, never changes the pool: with
 * assertions enabled (as in this build) it throws, without it is counted and ignored.
 */
class BufferPoolMisuseTest {
    private static final int[] CLASSES = {1024};

    @Test
    void assertionsAreEnabledInTests() {
        assertTrue(BufferPool.class.desiredAssertionStatus(), "run the tests with -ea");
    }

    @Test
    void doubleReleaseThrowsAndLeavesThePoolIntact() {
        BufferPool pool = new BufferPool(CLASSES, 4, 1);
        PooledBuffer b = pool.acquire(10);
        b.release();
        IllegalStateException e = assertThrows(IllegalStateException.class, b::release);
        assertTrue(e.getMessage().contains("released twice"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> pool.release(b));
        assertEquals(new BufferPool.Stats(0, 1, 0, 0, 0, 1, 2, 0), pool.stats());

        // Kept once: the next two acquires get it and a new buffer, never it twice.
        PooledBuffer x = pool.acquire(10);
        PooledBuffer y = pool.acquire(10);
        assertSame(b, x);
        assertNotSame(x, y);
    }

    @Test
    void doubleReleaseOfUnpooledBuffersIsDetectedToo() {
        BufferPool pool = new BufferPool(CLASSES, 0, 1);
        PooledBuffer fallback = pool.acquire(10);
        PooledBuffer oversize = pool.acquire(2000);
        fallback.release();
        oversize.release();
        assertThrows(IllegalStateException.class, fallback::release);
        assertThrows(IllegalStateException.class, oversize::release);
        assertEquals(new BufferPool.Stats(0, 0, 1, 1, 0, 0, 2, 0), pool.stats());
    }

    @Test
    void bufferFromAnotherPoolIsRefused() {
        BufferPool pool = new BufferPool(CLASSES, 4, 1);
        BufferPool other = new BufferPool(CLASSES, 4, 1);
        PooledBuffer b = other.acquire(10);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.release(b));
        assertTrue(e.getMessage().contains("not from this pool"), e.getMessage());
        assertEquals(new BufferPool.Stats(0, 0, 0, 0, 0, 0, 0, 1), pool.stats());
        assertTrue(b.leased(), "the owner's lease is untouched");
        b.release();
        assertEquals(new BufferPool.Stats(0, 1, 0, 0, 0, 1, 0, 0), other.stats());
    }

    @Test
    void bufferFromNoPoolIsRefused() {
        BufferPool pool = new BufferPool(CLASSES, 4, 1);
        PooledBuffer stray = new PooledBuffer(null, new byte[1024], 0, 0);
        stray.lease();
        assertThrows(IllegalStateException.class, () -> pool.release(stray));
        assertEquals(new BufferPool.Stats(0, 0, 0, 0, 0, 0, 0, 1), pool.stats());
        assertNotSame(stray, pool.acquire(10));
    }

    @Test
    void nullIsRefused() {
        BufferPool pool = new BufferPool(CLASSES, 4, 1);
        assertThrows(NullPointerException.class, () -> pool.release(null));
    }

    /**
     * Without {@code -ea}: loads the pool classes again in a loader with assertions off, releases a
     * buffer twice and a foreign one, and checks that both were counted, nothing was thrown and the
     * buffer was kept once.
     */
    @Test
    void withoutAssertionsMisuseIsCountedAndIgnored() throws Exception {
        URL classes = BufferPool.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
            loader.setDefaultAssertionStatus(false);
            Class<?> poolType = loader.loadClass(BufferPool.class.getName());
            assertNotSame(BufferPool.class, poolType);
            assertFalse(poolType.desiredAssertionStatus());
            Class<?> bufferType = loader.loadClass(PooledBuffer.class.getName());
            Object pool = poolType.getConstructor(int[].class, int.class, int.class).newInstance(CLASSES, 4, 1);
            Object other = poolType.getConstructor(int[].class, int.class, int.class).newInstance(CLASSES, 4, 1);
            Method acquire = poolType.getMethod("acquire", int.class);
            Method release = poolType.getMethod("release", bufferType);
            Method stats = poolType.getMethod("stats");

            Object b = acquire.invoke(pool, 10);
            release.invoke(pool, b);
            release.invoke(pool, b);
            release.invoke(pool, acquire.invoke(other, 10));
            assertEquals("Stats[hits=0, misses=1, fallbacks=0, oversize=0, outstanding=0, retained=1,"
                    + " doubleReleases=1, foreignReleases=1]", stats.invoke(pool).toString());
            Object x = acquire.invoke(pool, 10);
            Object y = acquire.invoke(pool, 10);
            assertSame(b, x);
            assertNotSame(x, y);
        }
    }
}
