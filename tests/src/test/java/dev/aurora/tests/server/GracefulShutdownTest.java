package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest extends ServerTestSupport {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicBoolean interrupted = new AtomicBoolean();

    @AfterEach
    void releaseHandlers() {
        release.countDown();
    }

    private void startServer() {
        start(app -> {
            app.get("/", ctx -> ctx.send("ok"));
            app.get("/slow", ctx -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
                ctx.send("finished");
            });
        });
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static boolean refusesConnections(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void idleServerStopsQuickly() {
        startServer();
        long start = System.nanoTime();
        app.stop(Duration.ofSeconds(30));
        long elapsed = millisSince(start);
        // Generous for a busy machine, far below the grace period it must not wait out.
        assertTrue(elapsed < 10_000, "stop() of an idle server took " + elapsed + " ms");
    }

    @Test
    void inFlightRequestCompletesWithConnectionClose() throws Exception {
        startServer();
        RawConnection client = client();
        client.send(RawConnection.get("/slow"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        // On its own thread: the common pool (one thread on two cores) also completes HttpClient futures.
        CompletableFuture<Void> stopping = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            app.stop(Duration.ofSeconds(60));
            stopping.complete(null);
        });
        // stop() has begun once the listening socket is gone; only then let the handler finish.
        await().atMost(Duration.ofSeconds(5)).until(() -> refusesConnections(port));
        release.countDown();

        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("finished", r.bodyString());
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
        stopping.get(30, TimeUnit.SECONDS);
        assertTrue(millisSince(start) < 30_000, "stop() waited far longer than the request needed");
    }

    @Test
    void idleKeepAliveConnectionIsClosedAtStop() {
        startServer();
        RawConnection client = client();
        client.send(RawConnection.get("/"));
        assertEquals("ok", client.readResponse().bodyString());

        long start = System.nanoTime();
        app.stop(Duration.ofSeconds(30));
        long elapsed = millisSince(start);
        assertTrue(elapsed < 10_000, "stop() with an idle keep-alive connection took " + elapsed + " ms");
        client.assertClosedByServer(Duration.ofSeconds(10));
    }

    @Test
    void handlerThatNeverFinishesIsCutOffAtTheEndOfTheGracePeriod() throws Exception {
        startServer();
        RawConnection client = client();
        client.send(RawConnection.get("/slow"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        app.stop(Duration.ofMillis(300));
        long elapsed = millisSince(start);
        assertTrue(elapsed >= 250, "stop() returned before the grace period ended: " + elapsed + " ms");
        assertTrue(elapsed < 10_000, "stop() returned " + elapsed + " ms after a 300 ms grace period");
        client.assertClosedByServer(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).untilTrue(interrupted);
    }

    @Test
    void stoppedServerRefusesConnections() {
        startServer();
        app.stop();
        assertTrue(refusesConnections(port));
        assertThrows(IllegalStateException.class, app::port);
    }

    @Test
    void stopIsIdempotent() {
        startServer();
        app.stop(Duration.ofSeconds(1));
        long start = System.nanoTime();
        app.stop(Duration.ofSeconds(30));
        app.stop();
        app.close();
        assertTrue(millisSince(start) < 10_000, "a second stop() waited for a grace period");
    }

    @Test
    void tryWithResourcesStopsTheServer() {
        int boundPort;
        try (Aurora server = Aurora.create(config()).get("/", ctx -> ctx.send("twr")).start(0)) {
            boundPort = server.port();
            try (RawConnection c = RawConnection.open(boundPort)) {
                c.send(RawConnection.get("/"));
                assertEquals("twr", c.readResponse().bodyString());
            }
        }
        assertTrue(refusesConnections(boundPort));
    }

    @Test
    void stopWithoutStartIsHarmless() {
        Aurora never = Aurora.create(config());
        never.stop();
        assertThrows(IllegalStateException.class, () -> never.start(0));
    }
}
