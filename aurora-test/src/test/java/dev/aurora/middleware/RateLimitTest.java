package dev.aurora.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** {@link RateLimit} with a hand-driven clock: bursts, refill, keys, Retry-After, concurrency. */
class RateLimitTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private AuroraTestClient client(RateLimit.Builder limit) {
        return AuroraTestClient.of(Aurora.create()
                .use(limit.clock(nanos::get).build())
                .get("/", ctx -> ctx.send("ok")));
    }

    private static TestResponse call(AuroraTestClient client, String user) {
        var request = client.get("/");
        return (user == null ? request : request.header("X-User", user)).send();
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aBurstPassesThenTheNextCallGets429WithRetryAfter() {
        AuroraTestClient client = client(RateLimit.builder().limit(10, Duration.ofSeconds(10)).burst(3));
        for (int i = 0; i < 3; i++) {
            call(client, null).assertStatus(200);
        }
        TestResponse limited = call(client, null).assertStatus(429).assertHeader("Retry-After", "1");
        assertEquals("application/problem+json", limited.header("Content-Type"));
        assertEquals(429, limited.problem().status());
    }

    @Test
    void theBucketRefillsOneCallPerInterval() {
        AuroraTestClient client = client(RateLimit.builder().limit(1, Duration.ofSeconds(10)).burst(2));
        call(client, null).assertStatus(200);
        call(client, null).assertStatus(200);
        call(client, null).assertStatus(429).assertHeader("Retry-After", "10");
        advance(Duration.ofSeconds(4));
        call(client, null).assertStatus(429).assertHeader("Retry-After", "6");
        advance(Duration.ofSeconds(6));
        call(client, null).assertStatus(200);
        call(client, null).assertStatus(429);
        advance(Duration.ofMinutes(5));
        call(client, null).assertStatus(200);
        call(client, null).assertStatus(200);
        call(client, null).assertStatus(429);
    }

    @Test
    void aRejectedCallDoesNotSpendTheBudget() {
        AuroraTestClient client = client(RateLimit.builder().limit(1, Duration.ofSeconds(1)).burst(1));
        call(client, null).assertStatus(200);
        for (int i = 0; i < 20; i++) {
            call(client, null).assertStatus(429);
        }
        advance(Duration.ofSeconds(1));
        call(client, null).assertStatus(200);
    }

    @Test
    void eachKeyHasItsOwnBudgetAndANullKeyIsNotLimited() {
        AuroraTestClient client = client(RateLimit.builder().limit(1, Duration.ofMinutes(1)).burst(1)
                .key(ctx -> ctx.header("X-User")));
        call(client, "ada").assertStatus(200);
        call(client, "ada").assertStatus(429).assertHeader("Retry-After", "60");
        call(client, "bob").assertStatus(200);
        for (int i = 0; i < 5; i++) {
            call(client, null).assertStatus(200);
        }
    }

    @Test
    void concurrentCallersGetExactlyTheBurst() throws Exception {
        AuroraTestClient client = client(RateLimit.builder().limit(100, Duration.ofHours(1)).burst(100));
        List<Callable<Integer>> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(() -> {
                int ok = 0;
                for (int i = 0; i < 40; i++) {
                    ok += call(client, null).status() == 200 ? 1 : 0;
                }
                return ok;
            });
        }
        int passed = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> f : pool.invokeAll(callers)) {
                passed += f.get();
            }
        }
        assertEquals(100, passed, "320 calls with the clock stopped: exactly the burst passes");
    }

    @Test
    void builderRefusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> RateLimit.builder().limit(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.builder().limit(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.builder().burst(0));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.builder().slots(1000));
        assertThrows(IllegalArgumentException.class, () -> RateLimit.builder().slots(8));
    }
}
