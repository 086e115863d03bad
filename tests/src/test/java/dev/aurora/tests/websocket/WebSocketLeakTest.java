package dev.aurora.tests.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestWebSocket;
import dev.aurora.websocket.WebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a WebSocket ends gives back what it leased: its read buffer and the HTTP workspace
 * (no buffer of the server's pool stays out) and its connection slot.
 */
class WebSocketLeakTest {
    private static Aurora app;
    private static AuroraTestClient client;

    @BeforeAll
    static void start() {
        WebSocketOptions deflate = WebSocketOptions.defaults().withPerMessageDeflate(true);
        app = Aurora.create()
                .ws("/echo", deflate, WebSocketEchoTest.ECHO)
                .ws("/throws", ws -> {
                    throw new IllegalStateException("expected by the test");
                })
                .ws("/idle", WebSocketOptions.defaults().withIdleTimeout(Duration.ofMillis(200)), WebSocket::awaitClose);
        client = AuroraTestClient.http(app);
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    private static void assertNothingHeld() {
        await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0
                && app.stats().buffers().outstanding() == 0);
        assertEquals(0, app.stats().buffers().outstanding());
    }

    @Test
    void afterACloseHandshake() {
        try (TestWebSocket ws = client.websocket("/echo", Map.of("Sec-WebSocket-Extensions", "permessage-deflate"))) {
            ws.send("x".repeat(500));
            ws.receiveFrame();
            ws.close(1000, "");
        }
        assertNothingHeld();
    }

    @Test
    void afterAHandlerFailure() {
        try (TestWebSocket ws = client.websocket("/throws")) {
            assertEquals(1011, ws.awaitClose().closeCode());
        }
        assertNothingHeld();
    }

    @Test
    void afterAProtocolError() {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.sendFrame(0x80 | TestWebSocket.TEXT, new byte[] {1}, false);
            assertEquals(1002, ws.awaitClose().closeCode());
        }
        assertNothingHeld();
    }

    @Test
    void afterThePeerVanishes() {
        TestWebSocket ws = client.websocket("/echo");
        ws.send("hello");
        assertEquals("hello", ws.receiveText());
        ws.close();
        assertNothingHeld();
    }

    @Test
    void afterTheIdleTimeout() {
        try (TestWebSocket ws = client.websocket("/idle")) {
            assertEquals(1001, ws.awaitClose().closeCode());
        }
        assertNothingHeld();
    }
}
