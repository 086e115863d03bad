package dev.aurora.examples.chat.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.examples.chat.ChatApp;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestWebSocket;
import java.util.Map;

@AuroraTest
class ChatAppTest {
    @TestApp
    static Aurora app() {
        return ChatApp.create(ServerConfig.defaults().withHost("127.0.0.1"));
    }

    @BothTransports
    void servesThePage(AuroraTestClient client) {
        var page = client.get("/").send().assertStatus(200);
        assertTrue(page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.bodyString().contains("new WebSocket("));
    }

    @BothTransports
    void everyMessageReachesEveryMember(AuroraTestClient client) {
        try (TestWebSocket ada = client.websocket("/chat?name=ada")) {
            assertEquals("* welcome, ada", ada.receiveText());
            assertEquals("* ada joined", ada.receiveText());
            // Only now: ada is in the room, so the order of what follows is fixed.
            TestWebSocket bob = client.websocket("/chat?name=bob");
            assertEquals("* welcome, bob", bob.receiveText());
            assertEquals("* bob joined", bob.receiveText());
            assertEquals("* bob joined", ada.receiveText());

            ada.send("hi bob");
            assertEquals("ada: hi bob", ada.receiveText());
            assertEquals("ada: hi bob", bob.receiveText());

            assertEquals(1000, bob.close(1000, "bye").closeCode());
            bob.close();
            assertEquals("* bob left", ada.receiveText());
        }
    }

    @BothTransports
    void anotherSitesPageCannotJoin(AuroraTestClient client) {
        client.websocketRefused("/chat", Map.of("Origin", "https://evil.example")).assertStatus(403);
    }

    @BothTransports
    void aMessageOverTheLimitClosesOnlyItsSender(AuroraTestClient client) {
        try (TestWebSocket ws = client.websocket("/chat?name=big")) {
            ws.receiveText();
            ws.receiveText();
            ws.send("x".repeat(5000));
            assertEquals(1009, ws.awaitClose().closeCode());
        }
    }
}
