package dev.aurora.tests.framework;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurora.Aurora;
import dev.aurora.health.Health;
import dev.aurora.health.HealthConfig;
import dev.aurora.health.Probe;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks that overrun their timeout: DOWN, a prompt answer, and never more than one run at a time. */
class HealthCheckTimeoutTest {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger runs = new AtomicInteger();

    @AfterEach
    void stop() {
        release.countDown();
        app.stop();
    }

    /** A check that blocks until the test releases it, then is up. */
    private Health hung() throws InterruptedException {
        runs.incrementAndGet();
        release.await();
        return Health.up();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> checks(TestResponse response) {
        return (Map<String, Map<String, Object>>) response.json(JSON_OBJECT).get("checks");
    }

    private CompletableFuture<TestResponse> probeAsync() {
        return CompletableFuture.supplyAsync(() -> client.get("/health/ready").send(), Thread::startVirtualThread);
    }

    @Test
    void aSlowCheckIsDownAfterItsTimeoutWhileTheProbeAnswersPromptly() {
        app.health(HealthConfig.defaults().withCheckTimeout(Duration.ofMillis(100)))
                .healthCheck("slow", this::hung)
                .healthCheck("fast", Health::up);
        client.get("/health/live").send().assertStatus(200); // warm up, so the bound below is about the check

        CompletableFuture<TestResponse> probe = probeAsync();
        // The check never returns on its own; the probe must not wait for it past its timeout.
        await().atMost(Duration.ofSeconds(10)).until(probe::isDone);
        TestResponse response = probe.join().assertStatus(503);
        Map<String, Map<String, Object>> checks = checks(response);
        assertEquals("DOWN", checks.get("slow").get("status"));
        assertTrue(((String) checks.get("slow").get("error")).contains("100 ms timeout"), checks::toString);
        assertTrue(((Number) checks.get("slow").get("durationMs")).doubleValue() >= 100, checks::toString);
        assertEquals("UP", checks.get("fast").get("status"));
    }

    @Test
    void aCheckWithItsOwnTimeoutUsesIt() {
        app.health().healthCheck("slow", Probe.READINESS, Duration.ofMillis(50), this::hung);
        CompletableFuture<TestResponse> probe = probeAsync();
        await().atMost(Duration.ofSeconds(10)).until(probe::isDone);
        String error = (String) checks(probe.join().assertStatus(503)).get("slow").get("error");
        assertTrue(error.contains("50 ms timeout"), error);
    }

    @Test
    void aHungCheckProbedRepeatedlyRunsOnceUntilItReturns() {
        app.health(HealthConfig.defaults().withCheckTimeout(Duration.ofMillis(20))).healthCheck("hung", this::hung);

        for (int i = 0; i < 25; i++) {
            client.get("/health/ready").send().assertStatus(503);
        }
        assertEquals(1, runs.get(), "a probe started another run while one was still going");

        release.countDown();
        // Once the hung run has returned, the next probe runs the check again and finds it up.
        client.get("/health/ready").sendUntil(r -> r.status() == 200);
        assertTrue(runs.get() >= 2, () -> "runs: " + runs.get());
    }
}
