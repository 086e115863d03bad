package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeepAliveTest extends ServerTestSupport {

    private void startEcho(dev.aurora.ServerConfig config) {
        start(config, app -> {
            app.get("/echo", ctx -> ctx.send("v=" + ctx.query("v")));
            app.get("/close", ctx -> ctx.header("Connection", "close").send("bye"));
        });
    }

    @Test
    void servesSeveralRequestsOnOneConnection() {
        startEcho(config());
        RawConnection client = client();
        for (int i = 0; i < 5; i++) {
            client.send(RawConnection.get("/echo?v=" + i));
            TestResponse r = client.readResponse();
            assertEquals(200, r.status(), r::toString);
            assertEquals("v=" + i, r.bodyString());
            assertFalse(r.closesConnection(), r::toString);
        }
    }

    @Test
    void http10ClosesByDefault() {
        startEcho(config());
        RawConnection client = client();
        client.send("GET /echo?v=a HTTP/1.0\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("v=a", r.bodyString());
        assertFalse("keep-alive".equalsIgnoreCase(r.header("Connection")), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void http10KeepsAliveWhenAskedAndEchoesKeepAlive() {
        startEcho(config());
        RawConnection client = client();
        for (int i = 0; i < 3; i++) {
            client.send("GET /echo?v=" + i + " HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            TestResponse r = client.readResponse();
            assertEquals(200, r.status());
            assertEquals("v=" + i, r.bodyString());
            assertEquals("keep-alive", r.header("Connection").toLowerCase(), r::toString);
            assertNotNull(r.header("Content-Length"), "a kept-alive 1.0 response must be length-delimited");
        }
        // The fourth request without keep-alive: answered, then closed.
        client.send("GET /echo?v=last HTTP/1.0\r\n\r\n");
        assertEquals("v=last", client.readResponse().bodyString());
        client.assertClosedByServer();
    }

    @Test
    void clientConnectionCloseIsHonouredAndLaterPipelinedRequestIsNotAnswered() {
        startEcho(config());
        RawConnection client = client();
        client.send("GET /echo?v=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                + RawConnection.get("/echo?v=2"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("v=1", r.bodyString());
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void handlerSettingConnectionCloseClosesTheConnection() {
        startEcho(config());
        RawConnection client = client();
        client.send(RawConnection.get("/close") + RawConnection.get("/echo?v=never"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("bye", r.bodyString());
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void idleConnectionIsClosedAfterKeepAliveTimeout() {
        startEcho(config().withKeepAliveTimeout(Duration.ofMillis(300)));
        RawConnection client = client();
        client.send(RawConnection.get("/echo?v=1"));
        assertEquals("v=1", client.readResponse().bodyString());
        long start = System.nanoTime();
        client.assertClosedByServer(Duration.ofSeconds(3));
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMillis >= 150, "closed too early, after " + elapsedMillis + " ms");
    }

    @Test
    void maxRequestsPerConnectionClosesAfterTheLimit() {
        startEcho(config().withMaxRequestsPerConnection(3));
        RawConnection client = client();
        for (int i = 1; i <= 2; i++) {
            client.send(RawConnection.get("/echo?v=" + i));
            TestResponse r = client.readResponse();
            assertEquals("v=" + i, r.bodyString());
            assertFalse(r.closesConnection(), r::toString);
        }
        client.send(RawConnection.get("/echo?v=3") + RawConnection.get("/echo?v=4"));
        TestResponse third = client.readResponse();
        assertEquals("v=3", third.bodyString());
        assertTrue(third.closesConnection(), third::toString);
        client.assertClosedByServer();
    }
}
