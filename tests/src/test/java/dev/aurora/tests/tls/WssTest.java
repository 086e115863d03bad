package dev.aurora.tests.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.SelfSignedCertificate;
import dev.aurora.websocket.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebSocket over TLS (wss://): the upgrade and the frame loop run on the TLS transport like any request. */
class WssTest {
    @TempDir
    Path dir;

    @Test
    void aWebSocketEchoesOverTls() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withTls(cert.tls()))
                .ws("/echo", ws -> {
                    while (ws.receive() instanceof Message.Text t) {
                        ws.send(t.text() + " over " + ws.header("Host").split(":")[0]);
                    }
                })
                .start(0);
        try {
            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            WebSocket ws = HttpClient.newBuilder().sslContext(cert.clientContext()).build().newWebSocketBuilder()
                    .buildAsync(URI.create("wss://localhost:" + app.port() + "/echo"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                received.add(text.toString());
                                text.setLength(0);
                            }
                            webSocket.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("hello over localhost", received.poll(10, TimeUnit.SECONDS));
            ws.sendText("x".repeat(100_000), true).get(5, TimeUnit.SECONDS);
            assertEquals(100_000 + " over localhost".length(), received.poll(10, TimeUnit.SECONDS).length());
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            assertEquals(1000, closed.get(10, TimeUnit.SECONDS));
        } finally {
            app.stop();
        }
    }
}
