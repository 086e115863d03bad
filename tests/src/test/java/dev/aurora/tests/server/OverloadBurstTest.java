package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import dev.aurora.tests.support.DelayProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A burst of 1,000 connections over {@code maxConnections} 200 from clients 100 ms away (round
 * trip, through a {@link DelayProxy}): every excess connection reads a {@code 503} with
 * {@code Retry-After}, none a reset or a silent close, and the held connections are still served.
 */
class OverloadBurstTest extends ServerTestSupport {
    private static final int LIMIT = 200;
    private static final int BURST = 1_000;

    @Test
    void everyConnectionOfABurstFromFarAwayClientsGetsThe503() throws Exception {
        start(config().withMaxConnections(LIMIT), app -> app.get("/", ctx -> ctx.send("ok")));
        try (DelayProxy far = DelayProxy.start(port, Duration.ofMillis(50));
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<RawConnection> held = new ArrayList<>();
            for (int i = 0; i < LIMIT; i++) {
                held.add(track(RawConnection.open(far.port(), Duration.ofSeconds(30))));
            }
            List<Future<TestResponse>> first = new ArrayList<>();
            for (RawConnection c : held) {
                first.add(clients.submit(() -> c.send(RawConnection.get("/")).readResponse()));
            }
            for (Future<TestResponse> f : first) {
                assertEquals(200, f.get().status());
            }

            Map<String, Integer> outcomes = new ConcurrentHashMap<>();
            List<Future<?>> burst = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                burst.add(clients.submit(() -> {
                    String outcome;
                    try (RawConnection c = RawConnection.open(far.port(), Duration.ofSeconds(30))) {
                        TestResponse r = c.send(RawConnection.get("/")).readResponse();
                        outcome = r.status() + " Retry-After=" + r.header("Retry-After");
                    } catch (RuntimeException | AssertionError e) {
                        outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
                    }
                    outcomes.merge(outcome, 1, Integer::sum);
                }));
            }
            for (Future<?> f : burst) {
                f.get();
            }
            assertEquals(Map.of("503 Retry-After=1", BURST), new TreeMap<>(outcomes));

            for (RawConnection c : held) {
                c.send(RawConnection.get("/"));
            }
            for (RawConnection c : held) {
                assertEquals("ok", c.readResponse().bodyString());
            }
        }
    }
}
