package dev.aurora.internal.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeapGuardTest {
    private static final long MAX = 1_000_000;

    /** A memory pool whose use after the last collection is {@code live}, of {@code MAX} bytes. */
    private static MemoryPoolMXBean pool(AtomicLong live) {
        return (MemoryPoolMXBean) Proxy.newProxyInstance(HeapGuardTest.class.getClassLoader(),
                new Class<?>[] {MemoryPoolMXBean.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getCollectionUsage" -> new MemoryUsage(0, live.get(), MAX, MAX);
                    case "getUsage" -> new MemoryUsage(0, live.get(), MAX, MAX);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void refusesOnlyAboveTheShareOfLiveHeap() {
        AtomicLong live = new AtomicLong(840_000);
        HeapGuard guard = new HeapGuard(List.of(pool(live)), 0.85);
        assertFalse(guard.heapFull(), "84 % live");
        live.set(860_000);
        await().atMost(Duration.ofSeconds(5)).until(guard::heapFull);
        live.set(100_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> !guard.heapFull());
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    @Test
    void afterARequestsOutOfMemoryErrorTheNextCheckCollectsInsteadOfRefusing() {
        // Live heap that is full until the JVM collects: what a failed allocation leaves behind.
        long before = collections();
        AtomicLong live = new AtomicLong(MAX);
        MemoryPoolMXBean pool = (MemoryPoolMXBean) Proxy.newProxyInstance(HeapGuardTest.class.getClassLoader(),
                new Class<?>[] {MemoryPoolMXBean.class}, (proxy, method, args) -> {
                    long used = collections() == before ? live.get() : 0;
                    return switch (method.getName()) {
                        case "getCollectionUsage", "getUsage" -> new MemoryUsage(0, used, MAX, MAX);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        HeapGuard guard = new HeapGuard(List.of(pool), 0.85);
        assertTrue(guard.heapFull(), "full on the figure the last collection left");
        HeapGuard.outOfMemoryUnwound();
        assertFalse(guard.heapFull(), "collected at once, without the 2 s wait between collections");
    }

    @Test
    void sumsThePoolsAgainstTheirSummedMaximum() {
        AtomicLong young = new AtomicLong(0);
        AtomicLong old = new AtomicLong(MAX);
        HeapGuard guard = new HeapGuard(List.of(pool(young), pool(old)), 0.85);
        assertEquals(0.5, guard.liveShare(), 1e-9);
        assertFalse(guard.heapFull(), "a full pool beside an empty one of the same size is half the heap");
    }

    @Test
    void thisJvmsHeapIsFarFromFull() {
        HeapGuard guard = new HeapGuard();
        double share = guard.liveShare();
        assertTrue(share >= 0 && share < HeapGuard.REFUSE_ABOVE, () -> "live share " + share);
        assertFalse(guard.heapFull());
    }

    @Test
    void aRoomyHeapIsAnsweredWithoutTheMemoryPools() {
        Runtime r = Runtime.getRuntime();
        org.junit.jupiter.api.Assumptions.assumeTrue((double) (r.totalMemory() - r.freeMemory()) / r.maxMemory() < 0.5,
                "the test JVM's heap is not roomy");
        HeapGuard guard = new HeapGuard();
        org.junit.jupiter.api.Assertions.assertFalse(guard.heapFull());
        org.junit.jupiter.api.Assertions.assertFalse(guard.poolsConsulted(), "no management beans for a roomy heap");
    }
}
