package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExpectContinueTest extends ServerTestSupport {
    private static final Duration QUIET = Duration.ofMillis(400);

    @BeforeEach
    void startServer() {
        start(config().withMaxBodySize(1000), app -> {
            app.post("/echo", ctx -> ctx.send("body=" + ctx.bodyString()));
            app.post("/stream", ctx -> ctx.send("len=" + ctx.bodyStream().readAllBytes().length));
            app.post("/ignore", ctx -> ctx.status(201).send("not read"));
            app.get("/", ctx -> ctx.send("ok"));
        });
    }

    @Test
    void handlerReadingTheBodyTriggers100ContinueBeforeTheBodyIsSent() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        TestResponse interim = client.readResponse();
        assertEquals(100, interim.status(), interim::toString);
        assertEquals(0, interim.body().length);
        client.send("hello");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("body=hello", r.bodyString());
        assertFalse(r.closesConnection(), r::toString);
        // The connection stays in sync.
        client.send(RawConnection.get("/"));
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void bodyStreamAlsoTriggers100ContinueForChunkedBodies() {
        RawConnection client = client();
        client.send("POST /stream HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nExpect: 100-Continue\r\n\r\n");
        TestResponse interim = client.readResponse();
        assertEquals(100, interim.status(), interim::toString);
        client.send("3\r\nabc\r\n0\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("len=3", r.bodyString());
    }

    @Test
    void handlerNotReadingTheBodySendsNo100AndClosesTheConnection() {
        RawConnection client = client();
        client.send("POST /ignore HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(201, r.status(), r::toString);
        assertEquals("not read", r.bodyString());
        // The client never sent the body; the server cannot know where a next request would begin.
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void unknownExpectationIs417() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: something-else\r\n\r\nhello");
        TestResponse r = client.readResponse();
        assertEquals(417, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void http10ExpectationIsIgnored() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.0\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
        // RFC 9110 section 10.1.1: the server MUST ignore a 100-continue expectation in HTTP/1.0,
        // so nothing is sent until the body arrives.
        client.assertNoDataWithin(QUIET);
        client.send("hello");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("body=hello", r.bodyString());
    }

    @Test
    void contentLengthOverTheLimitWithExpectationIs413Without100() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\nExpect: 100-continue\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(413, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        assertNull(r.header("Transfer-Encoding"));
        client.assertClosedByServer();
    }

    @Test
    void bodySentWithoutWaitingIsReadWithoutInterimResponse() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\nhello");
        TestResponse r = client.readResponse();
        // A 100 here would be allowed but pointless; what matters is that the final response follows.
        if (r.status() == 100) {
            r = client.readResponse();
        }
        assertEquals(200, r.status(), r::toString);
        assertEquals("body=hello", r.bodyString());
    }
}
