package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsTheFirstValueThatSatisfiesTheCondition() throws InterruptedException {
        AtomicLong counter = new AtomicLong();
        Thread worker = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 5; i++) {
                counter.incrementAndGet();
                Thread.yield();
            }
        });

        long seen = Eventually.until(counter::get, n -> n >= 5);

        assertEquals(5, seen);
        worker.join();
    }

    @Test
    void timeoutShowsTheLastValue() {
        AtomicInteger polls = new AtomicInteger();

        AssertionError error = assertThrows(AssertionError.class,
                () -> Eventually.until(Duration.ofMillis(150), () -> "poll " + polls.incrementAndGet(), s -> false));

        assertTrue(polls.get() > 1, "polled " + polls.get() + " times");
        assertTrue(error.getMessage().startsWith("Timed out after 150 ms waiting for condition; last value:\npoll "),
                error.getMessage());
    }

    @Test
    void probesRunOnTheCallingThread() {
        Thread caller = Thread.currentThread();

        assertEquals(true, Eventually.until(() -> Thread.currentThread() == caller, same -> true));
    }

    @Test
    void sendUntilRetriesUntilTheResponseMatches() {
        AtomicInteger calls = new AtomicInteger();
        Aurora app = Aurora.create().get("/job", ctx -> ctx.send(calls.incrementAndGet() < 3 ? "running" : "done"));
        AuroraTestClient client = AuroraTestClient.of(app);

        TestResponse response = client.get("/job").sendUntil(r -> r.bodyString().equals("done"));

        assertEquals("done", response.bodyString());
        assertEquals(3, calls.get());
    }

    @Test
    void sendUntilTimeoutShowsTheLastResponse() {
        Aurora app = Aurora.create().get("/health", ctx -> ctx.status(503).send("draining"));
        AuroraTestClient client = AuroraTestClient.of(app);

        AssertionError error = assertThrows(AssertionError.class,
                () -> client.get("/health").sendUntil(Duration.ofMillis(100), r -> r.status() == 200));

        assertTrue(error.getMessage().contains("waiting for a response to GET /health to match"), error.getMessage());
        assertTrue(error.getMessage().contains("HTTP/1.1 503"), error.getMessage());
        assertTrue(error.getMessage().contains("draining"), error.getMessage());
    }
}
