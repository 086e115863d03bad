package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Router;
import dev.aurora.websocket.Message;
import dev.aurora.websocket.WebSocketHandler;
import dev.aurora.websocket.WebSocketOptions;
import java.io.OutputStream;
import java.io.Writer;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Echo, fragments, large messages, subprotocols and the upgrade request, with the JDK's client over a socket. */
class WebSocketEchoTest {
    /** Echoes every data message until the peer closes. */
    static final WebSocketHandler ECHO = ws -> {
        while (ws.receive() instanceof Message.Data m) {
            switch (m) {
                case Message.Text t -> ws.send(t.text());
                case Message.Binary b -> ws.send(b.data());
            }
        }
    };

    private Aurora app;

    @BeforeEach
    void start() {
        Router secured = Router.create()
                .use((ctx, next) -> {
                    if (!"let-me-in".equals(ctx.query("token"))) {
                        ctx.status(401).send("no token");
                        return;
                    }
                    ctx.attribute("user", "ada");
                    next.handle(ctx);
                })
                .ws("/rooms/:room", ws -> ws.send(ws.attribute("user") + "@" + ws.param("room")));
        app = Aurora.create()
                .ws("/echo", WebSocketOptions.defaults().withMaxMessageSize(4 << 20).withMaxFrameSize(4 << 20), ECHO)
                .ws("/proto", WebSocketOptions.defaults().withSubprotocols("v2", "v1"),
                        ws -> ws.send(String.valueOf(ws.subprotocol())))
                .ws("/streamed", ws -> {
                    try (Writer w = ws.sendTextStream()) {
                        for (int i = 0; i < 10_000; i++) {
                            w.write("é" + i % 10);
                        }
                    }
                    try (OutputStream out = ws.sendBinaryStream()) {
                        out.write(new byte[100_000]);
                    }
                    ws.awaitClose();
                })
                .includeRouter("/api", secured);
        app.start(0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void echoesTextAndBinary() throws Exception {
        JdkClient c = JdkClient.connect(app.port(), "/echo");
        c.ws.sendText("héllo", true).get(5, TimeUnit.SECONDS);
        assertEquals("héllo", c.next());
        c.ws.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) c.next());
        c.ws.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(1000, c.awaitClosed().code());
    }

    @Test
    void joinsFragmentsIntoOneMessage() throws Exception {
        JdkClient c = JdkClient.connect(app.port(), "/echo");
        c.ws.sendText("frag", false).get(5, TimeUnit.SECONDS);
        c.ws.sendText("men", false).get(5, TimeUnit.SECONDS);
        c.ws.sendText("ted", true).get(5, TimeUnit.SECONDS);
        assertEquals("fragmented", c.next());
    }

    @Test
    void echoesLargeMessages() throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        JdkClient c = JdkClient.connect(app.port(), "/echo");
        c.ws.sendBinary(ByteBuffer.wrap(big), true).get(10, TimeUnit.SECONDS);
        assertArrayEquals(big, (byte[]) c.next());
    }

    @Test
    void streamsLargeMessagesInFragments() throws Exception {
        JdkClient c = JdkClient.connect(app.port(), "/streamed");
        String text = (String) c.next();
        assertEquals(20_000, text.length());
        assertTrue(text.startsWith("é0é1é2"));
        assertEquals(100_000, ((byte[]) c.next()).length);
    }

    @Test
    void choosesTheServersPreferredSubprotocolAmongTheClients() throws Exception {
        JdkClient c = JdkClient.connect(app.port(), "/proto", "v1", "v2");
        assertEquals("v2", c.next());
        assertEquals("v2", c.ws.getSubprotocol());
        JdkClient none = JdkClient.connect(app.port(), "/proto", "v3");
        assertEquals("null", none.next());
    }

    @Test
    void middlewareRunsOnTheUpgradeRequest() throws Exception {
        JdkClient c = JdkClient.connect(app.port(), "/api/rooms/lobby?token=let-me-in");
        assertEquals("ada@lobby", c.next());
        assertEquals(1000, c.awaitClosed().code());
        ExecutionException refused = assertThrows(ExecutionException.class,
                () -> JdkClient.connect(app.port(), "/api/rooms/lobby"));
        WebSocketHandshakeException e = (WebSocketHandshakeException) refused.getCause();
        assertEquals(401, e.getResponse().statusCode());
    }

    @Test
    void aPlainGetIsToldToUpgrade() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + app.port() + "/echo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(426, response.statusCode());
        assertEquals("13", response.headers().firstValue("Sec-WebSocket-Version").orElse(null));
        assertNull(response.headers().firstValue("Sec-WebSocket-Accept").orElse(null));
    }
}
