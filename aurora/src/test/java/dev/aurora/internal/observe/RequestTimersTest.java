package dev.aurora.internal.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.management.ThreadMXBean;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The timer cache: tags as Spring names them, one timer per key, no allocation once cached. */
class RequestTimersTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RequestTimers timers = new RequestTimers(registry);

    @Test
    void tagsFollowTheSpringConventions() {
        assertEquals("/users/:id", RequestTimers.uri("/users/:id", 200));
        assertEquals("/users/:id", RequestTimers.uri("/users/:id", 404));
        assertEquals("NOT_FOUND", RequestTimers.uri(null, 404));
        assertEquals("REDIRECTION", RequestTimers.uri(null, 308));
        assertEquals("UNKNOWN", RequestTimers.uri(null, 400));
        assertEquals("GET", RequestTimers.method(new String("GET")));
        assertEquals("UNKNOWN", RequestTimers.method("PROPFIND"));

        Timer t = timers.timer("POST", "/orders", 503);
        assertEquals("POST", t.getId().getTag("method"));
        assertEquals("/orders", t.getId().getTag("uri"));
        assertEquals("503", t.getId().getTag("status"));
        assertEquals("SERVER_ERROR", t.getId().getTag("outcome"));
        assertEquals("CLIENT_ERROR", timers.timer("GET", null, 404).getId().getTag("outcome"));
    }

    @Test
    void oneTimerPerKeyWhateverTheStringInstances() {
        Timer first = timers.timer("GET", "/users/:id", 200);
        assertSame(first, timers.timer(new String("GET"), new String("/users/:id"), 200));
        assertSame(first, registry.get("http.server.requests").tag("uri", "/users/:id").timer());
        timers.observe("GET", "/users/:id", 200, 1_000_000);
        assertEquals(1, first.count());
        assertEquals(1, registry.getMeters().size());
    }

    @Test
    void unknownMethodsAndStatusesStayBounded() {
        for (int i = 0; i < 10_000; i++) {
            timers.observe("X" + i, null, 404, 1);
        }
        assertEquals(1, registry.getMeters().size());
    }

    @Test
    void moreKeysThanTheTableHoldsStillRecordCorrectly() {
        for (int route = 0; route < 500; route++) {
            for (int status = 200; status < 210; status++) {
                timers.observe("GET", "/r" + route, status, 1);
                timers.observe("GET", "/r" + route, status, 1);
            }
        }
        assertEquals(5000, registry.getMeters().size());
        registry.getMeters().forEach(m -> assertEquals(2, ((Timer) m).count(), m.getId()::toString));
    }

    @Test
    void aCachedLookupAllocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        String route = "/users/:id";
        for (int i = 0; i < 20_000; i++) {
            timers.timer("GET", route, 200);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            timers.timer("GET", route, 200);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        // The reading itself may allocate a few bytes; 100,000 lookups allocating anything would show.
        assertEquals(0, allocated / 10_000, () -> allocated + " bytes for 100,000 lookups");
    }
}
