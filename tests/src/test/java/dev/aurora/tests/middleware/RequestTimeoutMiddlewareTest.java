package dev.aurora.tests.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.middleware.Timeout;
import dev.aurora.Aurora;
import dev.aurora.error.NotFoundException;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestConnection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@link Timeout} over real sockets: the handler is interrupted, the answer is 503/504, and the interrupt never leaks. */
@AuroraTest(server = true)
class RequestTimeoutMiddlewareTest {
    static final AtomicBoolean INTERRUPTED = new AtomicBoolean();
    /** Never counted down: a handler waiting on it blocks until interrupted. */
    static final CountDownLatch NEVER = new CountDownLatch(1);

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .get("/blocks", ctx -> {
                    try {
                        NEVER.await();
                    } catch (InterruptedException e) {
                        INTERRUPTED.set(true);
                        throw e;
                    }
                }, Timeout.of(Duration.ofMillis(150)))
                .get("/gateway", ctx -> NEVER.await(), Timeout.of(Duration.ofMillis(100), 504))
                .get("/stubborn", ctx -> {
                    // Ignores the interrupt (never clears or acts on it) and answers anyway.
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                    ctx.send("finished anyway");
                }, Timeout.of(Duration.ofMillis(50)))
                .get("/fast", ctx -> ctx.send("fast"), Timeout.of(Duration.ofSeconds(5)))
                .get("/missing", ctx -> {
                    throw new NotFoundException("no such thing");
                }, Timeout.of(Duration.ofSeconds(5)))
                .get("/wait", ctx -> {
                    // A later request on the same connection: a leaked interrupt would throw here.
                    boolean counted = new CountDownLatch(1).await(20, TimeUnit.MILLISECONDS);
                    ctx.send(counted ? "counted" : "not interrupted");
                });
    }

    @Test
    void aBlockedHandlerIsInterruptedAndAnswered503(AuroraTestClient client) {
        INTERRUPTED.set(false);
        var r = client.get("/blocks").send().assertStatus(503);
        assertEquals("The request did not complete within 150 ms", r.problem().detail());
        assertTrue(INTERRUPTED.get(), "the handler's thread was interrupted");
    }

    @Test
    void theStatusCanBe504(AuroraTestClient client) {
        client.get("/gateway").send().assertStatus(504);
    }

    @Test
    void theInterruptDoesNotReachTheNextRequestOnTheConnection(AuroraTestClient client) {
        try (TestConnection connection = client.connect()) {
            connection.get("/stubborn").send().assertStatus(200).assertBody("finished anyway");
            connection.get("/wait").send().assertStatus(200).assertBody("not interrupted");
            connection.get("/blocks").send().assertStatus(503);
            assertTrue(connection.isOpen(), "a 503 before the response started keeps the connection");
            connection.get("/wait").send().assertStatus(200).assertBody("not interrupted");
        }
    }

    @Test
    void aHandlerWithinTheDeadlineIsUntouched(AuroraTestClient client) {
        try (TestConnection connection = client.connect()) {
            for (int i = 0; i < 50; i++) {
                connection.get("/fast").send().assertStatus(200).assertBody("fast");
            }
            connection.get("/missing").send().assertStatus(404);
            connection.get("/wait").send().assertStatus(200).assertBody("not interrupted");
        }
    }

    @Test
    void argumentsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Timeout.of(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Timeout.of(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Timeout.of(Duration.ofSeconds(1), 500));
    }
}
