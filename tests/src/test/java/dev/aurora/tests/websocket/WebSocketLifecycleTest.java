package dev.aurora.tests.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestWebSocket;
import dev.aurora.websocket.Message;
import dev.aurora.websocket.WebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** How a WebSocket ends, on every way out, and what it holds meanwhile. */
class WebSocketLifecycleTest {
    @Test
    void aHandlerThatThrowsClosesWith1011() {
        Aurora app = Aurora.create().ws("/fails", ws -> {
            throw new IllegalStateException("boom");
        });
        try (AuroraTestClient client = AuroraTestClient.http(app); TestWebSocket ws = client.websocket("/fails")) {
            TestWebSocket.Frame close = ws.awaitClose();
            assertEquals(1011, close.closeCode());
            ws.close(1011, "");
            assertTrue(ws.connectionEnded());
            ws.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0);
        }
    }

    @Test
    void aHandlerThatReturnsClosesWith1000AndWaitsForTheAnswer() {
        Aurora app = Aurora.create().ws("/once", ws -> ws.send("only"));
        try (AuroraTestClient client = AuroraTestClient.of(app); TestWebSocket ws = client.websocket("/once")) {
            assertEquals("only", ws.receiveText());
            assertEquals(1000, ws.awaitClose().closeCode());
            ws.close(1000, "");
            assertTrue(ws.connectionEnded());
        }
    }

    @Test
    void aVanishedPeerEndsReceiveWith1006AndFreesTheConnection() {
        CompletableFuture<Message> last = new CompletableFuture<>();
        Aurora app = Aurora.create().ws("/wait", ws -> last.complete(ws.receive()));
        try (AuroraTestClient client = AuroraTestClient.http(app)) {
            TestWebSocket ws = client.websocket("/wait");
            await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 1);
            ws.close();
            Message.Close close = assertInstanceOf(Message.Close.class, last.get(5, TimeUnit.SECONDS));
            assertEquals(1006, close.code());
            await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stopSendsGoingAwayAndWaitsForTheCloseHandshake() throws Exception {
        CompletableFuture<Message> seen = new CompletableFuture<>();
        Aurora app = Aurora.create(ServerConfig.defaults().withShutdownTimeout(Duration.ofSeconds(20)))
                .ws("/stay", ws -> seen.complete(ws.receive()));
        app.start(0);
        JdkClient c = JdkClient.connect(app.port(), "/stay");
        long started = System.nanoTime();
        app.stop();
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(1001, c.awaitClosed().code());
        Message.Close close = assertInstanceOf(Message.Close.class, seen.get(5, TimeUnit.SECONDS));
        assertEquals(1001, close.code(), "the handler sees the client's answer to the server's 1001");
        assertFalse(close.byPeer());
        assertTrue(tookMillis < 10_000, "stop waited for the handshake, not the whole grace period: " + tookMillis);
    }

    @Test
    void aSilentClientIsClosedAfterTheIdleTimeout() {
        Aurora app = Aurora.create().ws("/idle", WebSocketOptions.defaults().withIdleTimeout(Duration.ofMillis(300))
                .withPingInterval(Duration.ZERO), WebSocket::awaitClose);
        try (AuroraTestClient client = AuroraTestClient.of(app); TestWebSocket ws = client.websocket("/idle")) {
            TestWebSocket.Frame close = ws.awaitClose();
            assertEquals(1001, close.closeCode());
            assertEquals("Idle timeout", close.closeReason());
        }
    }

    @Test
    void keepalivePingsAreSentToAQuietConnectionAndItsPongsKeepItOpen() {
        Aurora app = Aurora.create().ws("/ping", WebSocketOptions.defaults().withIdleTimeout(Duration.ofMillis(600))
                .withPingInterval(Duration.ofMillis(100)), WebSocket::awaitClose);
        try (AuroraTestClient client = AuroraTestClient.http(app); TestWebSocket ws = client.websocket("/ping")) {
            long until = System.nanoTime() + Duration.ofMillis(1500).toNanos();
            int pings = 0;
            while (System.nanoTime() < until) {
                TestWebSocket.Frame f = ws.receiveFrame();
                assertEquals(TestWebSocket.PING, f.opcode(), "no close: the pongs count as activity");
                ws.sendFrame(0x80 | TestWebSocket.PONG, f.payload(), true);
                pings++;
            }
            assertTrue(pings >= 3, "pings: " + pings);
        }
    }

    @Test
    void theKeepAliveTimeoutDoesNotCloseAWebSocket() {
        Aurora app = Aurora.create(ServerConfig.defaults().withKeepAliveTimeout(Duration.ofMillis(100))
                .withFirstRequestTimeout(Duration.ofMillis(100))).ws("/echo", WebSocketEchoTest.ECHO);
        try (AuroraTestClient client = AuroraTestClient.http(app); TestWebSocket ws = client.websocket("/echo")) {
            await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> app.stats().activeConnections() == 1);
            ws.send("still here");
            assertEquals("still here", ws.receiveText());
        }
    }

    @Test
    void aWebSocketCountsAgainstMaxConnections() {
        Aurora app = Aurora.create(ServerConfig.defaults().withMaxConnections(1)).ws("/echo", WebSocketEchoTest.ECHO);
        try (AuroraTestClient client = AuroraTestClient.of(app); TestWebSocket ws = client.websocket("/echo")) {
            assertThrowsIllegalState(() -> client.websocket("/echo"));
            ws.send("x");
            assertEquals("x", ws.receiveText());
        }
    }

    private static void assertThrowsIllegalState(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("maxConnections"), expected.getMessage());
            return;
        }
        throw new AssertionError("expected maxConnections to refuse a second connection");
    }

    @Test
    void sendsFromManyThreadsNeverInterleave() throws Exception {
        Aurora app = Aurora.create().ws("/burst", ws -> {
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                senders.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 200; i++) {
                        try {
                            ws.send(id + ":" + i + ":" + "x".repeat(i * 10));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                }));
            }
            for (Thread s : senders) {
                s.join();
            }
            ws.awaitClose();
        });
        try (AuroraTestClient client = AuroraTestClient.http(app); TestWebSocket ws = client.websocket("/burst")) {
            Set<String> seen = new HashSet<>();
            for (int n = 0; n < 800; n++) {
                String[] parts = ws.receiveText().split(":", -1);
                assertEquals(Integer.parseInt(parts[1]) * 10, parts[2].length());
                seen.add(parts[0] + ":" + parts[1]);
            }
            assertEquals(800, seen.size());
        }
    }

    @Test
    void aClientThatStopsReadingFailsTheSendAtTheWriteTimeout() throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Aurora app = Aurora.create(ServerConfig.defaults().withWriteTimeout(Duration.ofMillis(300)))
                .ws("/flood", ws -> {
                    byte[] chunk = new byte[64 << 10];
                    try {
                        while (true) {
                            ws.send(chunk);
                        }
                    } catch (IOException e) {
                        failure.set(e);
                    }
                });
        try (AuroraTestClient client = AuroraTestClient.http(app); TestWebSocket ws = client.websocket("/flood")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> failure.get() != null);
            await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0);
        }
    }

    @Test
    void theHandlerRunsAfterTheMiddlewareReturnedWithItsAttributesAndTheRequestsMdc() {
        List<String> order = new CopyOnWriteArrayList<>();
        Aurora app = Aurora.create().requestIds()
                .ws("/rooms/:room", ws -> {
                    order.add("handler");
                    ws.send(ws.param("room") + " " + ws.attribute("user") + " " + ws.query("q") + " "
                            + ws.header("X-Extra") + " " + MDC.get("requestId"));
                    ws.awaitClose();
                }, (ctx, next) -> {
                    ctx.attribute("user", "ada");
                    order.add("before");
                    next.handle(ctx);
                    order.add("after");
                });
        try (AuroraTestClient client = AuroraTestClient.http(app);
                TestWebSocket ws = client.websocket("/rooms/r%C3%A9?q=a+b", Map.of("X-Extra", "yes",
                        "X-Request-Id", "req-42"))) {
            // The upgrade request's middleware is done before the WebSocket handler starts; what
            // the handler reads of the request was kept for it.
            assertEquals("ré ada a b yes req-42", ws.receiveText());
            assertEquals(List.of("before", "after", "handler"), order);
            ws.close(1000, "");
        }
    }
}
