package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests that break HTTP/1.1 syntax or framing: each gets its error status, a complete response
 * with {@code Connection: close}, and then the connection is closed (the server cannot trust where
 * the next request would start).
 */
class MalformedRequestTest extends ServerTestSupport {

    @BeforeEach
    void startServer() {
        start(app -> {
            app.get("/", ctx -> ctx.send("root"));
            app.post("/echo", ctx -> ctx.send("body=" + ctx.bodyString()));
        });
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("bad request line", "GARBAGE\r\n\r\n", 400),
                Arguments.of("request line without version", "GET /\r\nHost: x\r\n\r\n", 400),
                Arguments.of("two spaces in request line", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("lower-case version", "GET / http/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                Arguments.of("missing Host", "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
                Arguments.of("two Host fields", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX-Folded: a\r\n b\r\n\r\n", 400),
                Arguments.of("space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
                Arguments.of("bare LF", "GET / HTTP/1.1\nHost: x\n\n", 400),
                Arguments.of("NUL in header value", "GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\0b\r\n\r\n", 400),
                Arguments.of("CL and TE", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("TE gzip, chunked", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
                Arguments.of("TE not ending in chunked", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n", 400),
                Arguments.of("conflicting Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n"
                        + "Content-Length: 2\r\n\r\nab", 400),
                Arguments.of("non-numeric Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: abc\r\n\r\n", 400),
                Arguments.of("bad chunk size", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "zz\r\nhello\r\n0\r\n\r\n", 400),
                Arguments.of("chunk data without CRLF", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("malformedRequests")
    void malformedRequestGetsErrorStatusAndClose(String name, String request, int expectedStatus) {
        RawConnection client = client();
        client.send(request);
        TestResponse r = client.readResponse();
        assertEquals(expectedStatus, r.status(), () -> name + ":\n" + r);
        assertTrue(r.closesConnection(), () -> name + ": no Connection: close\n" + r);
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"), r::toString);
        assertTrue(r.body().length > 0, "an error response carries a short explanation");
        // Nothing after the declared body: the response is complete and the connection ends.
        client.assertClosedByServer();
    }

    @Test
    void validRequestBeforeAMalformedOneIsAnsweredFirst() {
        RawConnection client = client();
        client.send(RawConnection.get("/") + "GET / HTTP/1.1\r\nHost : x\r\n\r\n" + RawConnection.get("/"));
        TestResponse ok = client.readResponse();
        assertEquals(200, ok.status());
        assertEquals("root", ok.bodyString());
        TestResponse bad = client.readResponse();
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.closesConnection());
        client.assertClosedByServer();
    }

    @Test
    void http10RequestWithoutHostIsAccepted() {
        RawConnection client = client();
        client.send("GET / HTTP/1.0\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("root", r.bodyString());
    }
}
