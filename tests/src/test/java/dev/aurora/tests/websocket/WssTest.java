package dev.aurora.tests.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.SelfSignedCertificate;
import dev.aurora.websocket.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
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
            JdkClient c = JdkClient.connect(HttpClient.newBuilder().sslContext(cert.clientContext()).build(),
                    URI.create("wss://localhost:" + app.port() + "/echo"));
            c.ws.sendText("hello", true).get(5, TimeUnit.SECONDS);
            assertEquals("hello over localhost", c.next());
            c.ws.sendText("x".repeat(100_000), true).get(5, TimeUnit.SECONDS);
            assertEquals(100_000 + " over localhost".length(), ((String) c.next()).length());
            c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            assertEquals(1000, c.awaitClosed().code());
        } finally {
            app.stop();
        }
    }
}
