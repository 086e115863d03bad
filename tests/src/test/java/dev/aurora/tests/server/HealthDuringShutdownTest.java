package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.health.Health;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Readiness turns 503 as soon as a graceful stop begins, while the server still answers through
 * its drain delay and an in-flight request still completes: what a load balancer needs to drain
 * the instance without failing requests.
 */
class HealthDuringShutdownTest extends ServerTestSupport {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void releaseAndClose() {
        release.countDown();
        http.close();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    }

    private int status(String path) throws Exception {
        return http.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void readinessIs503DuringTheDrainWhileAnInFlightRequestCompletes() throws Exception {
        start(config().withDrainDelay(Duration.ofSeconds(5)), app -> {
            app.health().healthCheck("db", Health::up);
            app.get("/slow", ctx -> {
                entered.countDown();
                release.await();
                ctx.send("finished");
            });
        });
        assertEquals(200, status("/health/ready"));
        CompletableFuture<HttpResponse<String>> slow = http.sendAsync(get("/slow"), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        // On its own thread: the common pool (one thread on two cores) also completes HttpClient futures.
        CompletableFuture<Void> stopping = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            app.stop(Duration.ofSeconds(10));
            stopping.complete(null);
        });
        await().atMost(Duration.ofSeconds(4)).until(() -> status("/health/ready") == 503);
        assertEquals(200, status("/health/live"), "liveness stays up: the process is fine");
        release.countDown();

        HttpResponse<String> finished = slow.get(5, TimeUnit.SECONDS);
        assertEquals(200, finished.statusCode());
        assertEquals("finished", finished.body());
        stopping.get(15, TimeUnit.SECONDS);
    }
}
