package dev.aurora.internal.observe;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The JVM and process meters bound with Aurora's, the application's registry, and the GC listener closed at stop. */
class MicrometerMetricsTest {

    @Test
    void jvmAndProcessMetersAreBoundUnlessTurnedOff() {
        SimpleMeterRegistry on = new SimpleMeterRegistry();
        MicrometerMetrics metrics = new MicrometerMetrics();
        metrics.add(on);
        metrics.bind(new ServerCounters(), true);
        assertNotNull(on.find("jvm.memory.used").tag("area", "heap").gauge());
        assertNotNull(on.find("process.cpu.usage").gauge());
        assertNotNull(on.find("jvm.threads.live").gauge());
        assertNotNull(on.find("process.uptime").timeGauge());
        assertNotNull(on.find("jvm.classes.loaded").gauge());
        metrics.close();

        SimpleMeterRegistry off = new SimpleMeterRegistry();
        MicrometerMetrics without = new MicrometerMetrics();
        without.add(off);
        without.bind(new ServerCounters(), false);
        assertFalse(off.getMeters().stream().anyMatch(m -> m.getId().getName().startsWith("jvm.")));
        assertNotNull(off.find("aurora.requests").functionCounter(), "Aurora's own meters stay");
    }

    @Test
    void theApplicationsRegistryForwardsToEveryRegistryAlsoThoseAddedLater() {
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        MicrometerMetrics metrics = new MicrometerMetrics();
        metrics.add(first);
        MeterRegistry app = metrics.registry();
        app.counter("orders.placed").increment(2);
        metrics.add(second);
        app.counter("orders.placed").increment();
        metrics.bind(new ServerCounters(), false);
        assertEquals(3, first.get("orders.placed").counter().count());
        assertEquals(1, second.get("orders.placed").counter().count(), "a later registry sees what comes after");
        assertNotNull(second.find("aurora.requests").functionCounter());
    }

    @Test
    void closingStopsListeningToCollections() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MicrometerMetrics metrics = new MicrometerMetrics();
        metrics.add(registry);
        metrics.bind(new ServerCounters(), true);
        SimpleMeterRegistry witness = new SimpleMeterRegistry();
        try (JvmGcMetrics gc = new JvmGcMetrics()) {
            gc.bindTo(witness);
            long seen = collections(witness);
            System.gc();
            await().atMost(Duration.ofSeconds(10)).until(() -> collections(witness) > seen);
            assertTrue(collections(registry) > 0, "bound, the registry counts collections too");

            metrics.close();
            // Listeners are told in registration order: once the witness has two more, a live one would have them too.
            long closedAt = collections(registry);
            long witnessed = collections(witness);
            System.gc();
            System.gc();
            await().atMost(Duration.ofSeconds(10)).until(() -> collections(witness) >= witnessed + 2);
            assertTrue(collections(registry) <= closedAt + 1, "at most a collection already in flight at close");
        }
    }

    private static long collections(MeterRegistry registry) {
        return registry.find("jvm.gc.pause").timers().stream().mapToLong(Timer::count).sum()
                + registry.find("jvm.gc.concurrent.phase.time").timers().stream().mapToLong(Timer::count).sum();
    }
}
