package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import dev.aurora.test.TestWebSocket;
import dev.aurora.websocket.WebSocketOptions;
import java.util.HashMap;
import java.util.Map;

/** The opening handshake: what is refused and how, origins, subprotocols, the accept key. */
@AuroraTest
class WebSocketHandshakeTest {
    @TestApp
    static Aurora app() {
        return Aurora.create()
                .ws("/same", WebSocketEchoTest.ECHO)
                .ws("/listed", WebSocketOptions.defaults().withOrigins("https://app.example"), WebSocketEchoTest.ECHO)
                .ws("/any", WebSocketOptions.defaults().withOrigins("*"), WebSocketEchoTest.ECHO)
                .ws("/chat", WebSocketOptions.defaults().withSubprotocols("chat.v2", "chat.v1"),
                        ws -> ws.send(String.valueOf(ws.subprotocol())));
    }

    private static Map<String, String> headers(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @BothTransports
    void theAcceptKeyIsTheRfcExample(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/same", headers("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="))) {
            ws.handshake().assertStatus(101).assertHeader("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
            assertEquals("websocket", ws.handshake().header("Upgrade"));
        }
    }

    @BothTransports
    void withoutUpgradeTheServerAsksForOne(AuroraTestClient client) {
        client.websocketRefused("/same", headers("Upgrade", null)).assertStatus(426)
                .assertHeader("Sec-WebSocket-Version", "13");
    }

    @BothTransports
    void anotherVersionGets426NamingVersion13(AuroraTestClient client) {
        client.websocketRefused("/same", headers("Sec-WebSocket-Version", "8")).assertStatus(426)
                .assertHeader("Sec-WebSocket-Version", "13");
    }

    @BothTransports
    void withoutConnectionUpgradeItIsABadRequest(AuroraTestClient client) {
        client.websocketRefused("/same", headers("Connection", "keep-alive")).assertStatus(400);
        // The token may come among others.
        try (TestWebSocket ws = client.websocket("/same", headers("Connection", "keep-alive, Upgrade"))) {
            ws.handshake().assertStatus(101);
        }
    }

    @BothTransports
    void aKeyThatIsNot16BytesIsABadRequest(AuroraTestClient client) {
        client.websocketRefused("/same", headers("Sec-WebSocket-Key", "c2hvcnQ=")).assertStatus(400);
        client.websocketRefused("/same", headers("Sec-WebSocket-Key", "!!!!!!!!!!!!!!!!!!!!!!==")).assertStatus(400);
        client.websocketRefused("/same", headers("Sec-WebSocket-Key", null)).assertStatus(400);
    }

    @BothTransports
    void anHttp10UpgradeIsABadRequest(AuroraTestClient client) {
        String upgrade = " HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        // RFC 6455 4.1: the handshake is an HTTP/1.1 request; the same bytes as HTTP/1.0 are refused.
        TestResponse refused = client.raw("GET /same" + upgrade.replace("HTTP/1.1", "HTTP/1.0")).responses().getFirst();
        refused.assertStatus(400);
        assertTrue(refused.bodyString().contains("HTTP/1.1"), refused::bodyString);
        assertNull(refused.header("Sec-WebSocket-Accept"));
        String accepted = client.raw("GET /same" + upgrade).text();
        assertTrue(accepted.startsWith("HTTP/1.1 101 Switching Protocols\r\n"), accepted);
    }

    @BothTransports
    void aPostIsNotAnUpgrade(AuroraTestClient client) {
        client.post("/same").send().assertStatus(405);
    }

    @BothTransports
    void byDefaultOnlyTheSameOriginMayConnect(AuroraTestClient client) {
        client.websocketRefused("/same", headers("Origin", "https://evil.example")).assertStatus(403);
        client.websocketRefused("/same", headers("Origin", "null")).assertStatus(403);
        try (TestWebSocket ws = client.websocket("/same", headers("Origin", "http://localhost"))) {
            ws.handshake().assertStatus(101);
        }
        try (TestWebSocket ws = client.websocket("/same", headers("Host", "chat.example:8080",
                "Origin", "http://chat.example:8080"))) {
            ws.handshake().assertStatus(101);
        }
        client.websocketRefused("/same", headers("Host", "chat.example:8080", "Origin", "http://chat.example"))
                .assertStatus(403);
    }

    @BothTransports
    void listedOriginsAndTheWildcard(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/listed", headers("Origin", "https://app.example"))) {
            ws.handshake().assertStatus(101);
        }
        client.websocketRefused("/listed", headers("Origin", "http://localhost")).assertStatus(403);
        try (TestWebSocket ws = client.websocket("/any", headers("Origin", "https://elsewhere.example"))) {
            ws.handshake().assertStatus(101);
        }
    }

    @BothTransports
    void theServersFirstChoiceAmongTheClientsSubprotocolsWins(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/chat", headers("Sec-WebSocket-Protocol", "chat.v1, chat.v2"))) {
            ws.handshake().assertHeader("Sec-WebSocket-Protocol", "chat.v2");
            assertEquals("chat.v2", ws.receiveText());
        }
        try (TestWebSocket ws = client.websocket("/chat", headers("Sec-WebSocket-Protocol", "other"))) {
            assertNull(ws.handshake().header("Sec-WebSocket-Protocol"));
            assertEquals("null", ws.receiveText());
        }
    }
}
