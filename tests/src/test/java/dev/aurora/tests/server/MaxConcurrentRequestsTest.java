package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.ServerConfig;
import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maxConcurrentRequests}: handlers beyond the limit are refused with a {@code 503} and
 * {@code Retry-After}, or wait in a bounded queue; probes and built-in answers are not limited;
 * the server takes requests again as soon as slots free up.
 */
class MaxConcurrentRequestsTest extends ServerTestSupport {
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger running = new AtomicInteger();

    @AfterEach
    void releaseHandlers() {
        release.countDown();
    }

    private void startLimited(ServerConfig config) {
        start(config, app -> app.health()
                .get("/slow", ctx -> {
                    running.incrementAndGet();
                    try {
                        release.await();
                    } finally {
                        running.decrementAndGet();
                    }
                    ctx.send("done");
                })
                .get("/fast", ctx -> ctx.send("fast")));
    }

    /** Sends {@code GET /slow} on {@code n} connections and waits until their handlers run. */
    private List<RawConnection> occupy(int n, int expectedRunning) {
        List<RawConnection> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RawConnection c = client(Duration.ofSeconds(30));
            c.send(RawConnection.get("/slow"));
            clients.add(c);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> running.get() == expectedRunning);
        return clients;
    }

    @Test
    void beyondTheLimitA503WithRetryAfterInTheProblemFormatAndTheConnectionStays() {
        startLimited(config().withMaxConcurrentRequests(2));
        List<RawConnection> busy = occupy(2, 2);

        RawConnection extra = client();
        extra.send(RawConnection.get("/fast"));
        TestResponse refused = extra.readResponse();
        assertEquals(503, refused.status(), refused::toString);
        assertEquals("1", refused.header("Retry-After"), refused::toString);
        assertEquals("application/problem+json", refused.header("Content-Type"), refused::toString);
        assertFalse(refused.closesConnection(), refused::toString);
        assertEquals(1, app.stats().requestsRejected(), () -> app.stats().toString());

        // Probes and built-in answers still answer on a saturated server.
        extra.send(RawConnection.get("/health/live"));
        assertEquals(200, extra.readResponse().status());
        extra.send(RawConnection.get("/no-such-route"));
        assertEquals(404, extra.readResponse().status());

        release.countDown();
        for (RawConnection c : busy) {
            assertEquals("done", c.readResponse().bodyString());
        }
        // The slots are free again: the same connection is served.
        extra.send(RawConnection.get("/fast"));
        assertEquals("fast", extra.readResponse().bodyString());
    }

    @Test
    void aQueuedRequestRunsWhenASlotFreesAndAFullQueueRefusesAtOnce() {
        startLimited(config().withMaxConcurrentRequests(1).withMaxQueuedRequests(1)
                .withRequestQueueTimeout(Duration.ofSeconds(20)));
        List<RawConnection> busy = occupy(1, 1);

        RawConnection queued = client(Duration.ofSeconds(30));
        queued.send(RawConnection.get("/fast"));
        queued.assertNoDataWithin(Duration.ofMillis(300));

        RawConnection overflow = client();
        overflow.send(RawConnection.get("/fast"));
        assertEquals(503, overflow.readResponse().status());

        release.countDown();
        assertEquals("done", busy.getFirst().readResponse().bodyString());
        assertEquals("fast", queued.readResponse().bodyString());
        assertEquals(1, app.stats().requestsRejected(), () -> app.stats().toString());
    }

    @Test
    void aQueuedRequestWhoseWaitRunsOutGetsThe503() {
        startLimited(config().withMaxConcurrentRequests(1).withMaxQueuedRequests(4)
                .withRequestQueueTimeout(Duration.ofMillis(300)));
        occupy(1, 1);
        RawConnection queued = client(Duration.ofSeconds(30));
        long start = System.nanoTime();
        queued.send(RawConnection.get("/fast"));
        TestResponse r = queued.readResponse();
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.status(), r::toString);
        assertEquals("1", r.header("Retry-After"), r::toString);
        assertTrue(waitedMillis >= 250, "refused after " + waitedMillis + " ms, before its wait ran out");
    }

    @Test
    void withoutALimitEveryHandlerRuns() {
        startLimited(config());
        List<RawConnection> busy = occupy(50, 50);
        release.countDown();
        for (RawConnection c : busy) {
            assertEquals("done", c.readResponse().bodyString());
        }
        assertEquals(0, app.stats().requestsRejected());
    }
}
