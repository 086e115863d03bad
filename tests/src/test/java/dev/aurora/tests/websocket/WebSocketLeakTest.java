package dev.aurora.tests.websocket;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestWebSocket;
import dev.aurora.websocket.WebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An open WebSocket leases pool buffers only while it reads a burst of frames or writes one, and
 * every way it ends gives back what it leased (no buffer of the server's pool stays out) and its
 * connection slot.
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

    private static void awaitNothingLeased() {
        await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().buffers().outstanding() == 0);
    }

    @Test
    void anOpenWebSocketHoldsNoBufferBetweenMessages() {
        try (TestWebSocket ws = client.websocket("/echo")) {
            ws.send("hello");
            assertEquals("hello", ws.receiveText());
            awaitNothingLeased();
            // A burst of 300 frames in one write: read through a leased buffer, which goes back
            // once they are read.
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 300; i++) {
                burst.writeBytes(maskedText("message " + i));
            }
            ws.sendRaw(burst.toByteArray());
            for (int i = 0; i < 300; i++) {
                assertEquals("message " + i, ws.receiveText());
            }
            // A message larger than the largest write lease, and one in fragments.
            byte[] large = new byte[100_000];
            new Random(7).nextBytes(large);
            ws.send(large);
            assertArrayEquals(large, ws.receiveBinary());
            ws.sendFrame(TestWebSocket.TEXT, "frag".getBytes(StandardCharsets.UTF_8), true);
            ws.sendFrame(0x80 | TestWebSocket.CONTINUATION, "ments".getBytes(StandardCharsets.UTF_8), true);
            assertEquals("fragments", ws.receiveText());
            awaitNothingLeased();
            assertEquals(1, app.stats().activeConnections(), "still open");
            ws.close(1000, "");
        }
        assertNothingHeld();
    }

    @Test
    void afterTheServerStops() throws Exception {
        Aurora stopping = Aurora.create(ServerConfig.defaults().withShutdownTimeout(Duration.ofSeconds(10)))
                .ws("/echo", WebSocketEchoTest.ECHO);
        stopping.start(0);
        JdkClient quiet = JdkClient.connect(stopping.port(), "/echo");
        JdkClient busy = JdkClient.connect(stopping.port(), "/echo");
        busy.ws.sendText("x".repeat(20_000), true).get(5, TimeUnit.SECONDS);
        assertEquals("x".repeat(20_000), busy.next());
        stopping.stop();
        assertEquals(1001, quiet.awaitClosed().code());
        assertEquals(1001, busy.awaitClosed().code());
        assertEquals(0, stopping.stats().activeConnections());
        assertEquals(0, stopping.stats().buffers().outstanding());
    }

    /** A masked text frame with the all-zero key, so the payload goes as it is. */
    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) (0x80 | TestWebSocket.TEXT);
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(payload, 0, frame, 6, payload.length);
        return frame;
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
