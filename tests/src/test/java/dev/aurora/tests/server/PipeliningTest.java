package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PipeliningTest extends ServerTestSupport {

    private void startServer(dev.aurora.ServerConfig config) {
        start(config, app -> {
            app.get("/echo", ctx -> ctx.send("v=" + ctx.query("v")));
            app.get("/p0", ctx -> ctx.send("path " + ctx.path()));
            app.get("/p1", ctx -> ctx.send("path " + ctx.path()));
            app.post("/echo", ctx -> ctx.send("body=" + ctx.bodyString()));
            app.post("/ignore", ctx -> ctx.send("ignored"));
        });
    }

    @Test
    void sixteenPipelinedGetsInOneWriteAreAnsweredInOrder() {
        startServer(config());
        RawConnection client = client();
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            batch.append(i % 3 == 0 ? RawConnection.get("/p" + (i % 2)) : RawConnection.get("/echo?v=" + i));
        }
        client.send(batch.toString());
        for (int i = 0; i < 16; i++) {
            TestResponse r = client.readResponse();
            assertEquals(200, r.status(), r::toString);
            String expected = i % 3 == 0 ? "path /p" + (i % 2) : "v=" + i;
            assertEquals(expected, r.bodyString(), "response " + i);
        }
        // And the connection is still usable afterwards.
        client.send(RawConnection.get("/echo?v=after"));
        assertEquals("v=after", client.readResponse().bodyString());
    }

    @Test
    void pipelinedPostsWithContentLengthAndChunkedBodies() {
        startServer(config());
        RawConnection client = client();
        client.send(post("/echo", "first")
                + chunkedPost("/echo", "sec", "ond")
                + RawConnection.get("/echo?v=3")
                + post("/echo", "")
                + chunkedPost("/echo")
                + "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "4;ext=1\r\nwith\r\n6\r\n-trail\r\n0\r\nX-Trailer: t\r\n\r\n"
                + post("/echo", "last"));
        String[] expected = {"body=first", "body=second", "v=3", "body=", "body=", "body=with-trail", "body=last"};
        for (String e : expected) {
            TestResponse r = client.readResponse();
            assertEquals(200, r.status(), r::toString);
            assertEquals(e, r.bodyString());
        }
    }

    @Test
    void unreadContentLengthBodyDoesNotBreakFramingOfNextRequest() {
        startServer(config());
        RawConnection client = client();
        client.send(post("/ignore", "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n") + RawConnection.get("/echo?v=next"));
        TestResponse first = client.readResponse();
        assertEquals("ignored", first.bodyString());
        assertFalse(first.closesConnection(), first::toString);
        TestResponse second = client.readResponse();
        assertEquals(200, second.status(), second::toString);
        assertEquals("v=next", second.bodyString());
    }

    @Test
    void unreadChunkedBodyDoesNotBreakFramingOfNextRequest() {
        startServer(config());
        RawConnection client = client();
        client.send(chunkedPost("/ignore", "GET /smuggled HTTP/1.1\r\n", "Host: x\r\n\r\n", "x".repeat(3000))
                + RawConnection.get("/echo?v=next"));
        TestResponse first = client.readResponse();
        assertEquals("ignored", first.bodyString());
        assertFalse(first.closesConnection(), first::toString);
        TestResponse second = client.readResponse();
        assertEquals(200, second.status(), second::toString);
        assertEquals("v=next", second.bodyString());
    }

    @Test
    void largeUnreadBodyClosesTheConnectionAfterAResponseWithConnectionClose() {
        startServer(config().withMaxDrainSize(1024));
        RawConnection client = client();
        byte[] body = new byte[100_000];
        Arrays.fill(body, (byte) 'a');
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        request.writeBytes(RawConnection.get("/echo?v=never").getBytes(StandardCharsets.ISO_8859_1));
        client.send(request.toByteArray());
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("ignored", r.bodyString());
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void largeUnreadChunkedBodyClosesTheConnectionAfterTheResponse() {
        startServer(config().withMaxDrainSize(1024));
        RawConnection client = client();
        client.send(chunkedPost("/ignore", "b".repeat(50_000)) + RawConnection.get("/echo?v=never"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("ignored", r.bodyString());
        client.assertClosedByServer();
    }

    static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + body.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n\r\n" + body;
    }

    static String chunkedPost(String path, String... chunks) {
        StringBuilder sb = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (String c : chunks) {
            sb.append(Integer.toHexString(c.length())).append("\r\n").append(c).append("\r\n");
        }
        return sb.append("0\r\n\r\n").toString();
    }
}
