package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Router;
import dev.aurora.middleware.Cors;
import dev.aurora.test.LogCapture;
import dev.aurora.test.LogLine;
import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;

/**
 * A request whose head parses but that the server refuses before any handler (a declared body over
 * {@code maxBodySize}, an unknown expectation, an unsupported transfer coding, no {@code Host}) is
 * answered through the application's middleware, as a body refused while the handler reads it is:
 * CORS headers, {@code X-Request-Id}, the problem format and an access log line, then the connection
 * closes. A head that cannot be parsed still gets the plain answer, as no middleware may trust it.
 */
class RefusedRequestTest extends ServerTestSupport {
    private static final String ORIGIN = "https://app.example.com";
    private static final int MAX_BODY = 1000;
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final AtomicInteger handled = new AtomicInteger();
    private final AtomicInteger grouped = new AtomicInteger();
    private LogCapture accessLog;

    @BeforeEach
    void startServer() {
        accessLog = LogCapture.attach("dev.aurora.access", Level.INFO);
        Router api = Router.create()
                .use((ctx, next) -> {
                    grouped.incrementAndGet();
                    ctx.header("X-Api", "1");
                    next.handle(ctx);
                })
                .post("/items", ctx -> {
                    handled.incrementAndGet();
                    ctx.send("created");
                });
        start(config().withMaxBodySize(MAX_BODY), app -> app
                .requestIds()
                .accessLog()
                .use(Cors.builder().allowOrigins(ORIGIN).build())
                .post("/upload", ctx -> {
                    handled.incrementAndGet();
                    ctx.send("got " + ctx.body().length);
                })
                .includeRouter("/api", api));
    }

    @AfterEach
    void closeLog() {
        accessLog.close();
    }

    private static String head(String requestLine, String... fields) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\n");
        for (String field : fields) {
            head.append(field).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    /** The refusal came through the middleware: CORS, request id, problem format, close; no handler. */
    private void assertAnsweredByTheApp(RawConnection client, int status, String requestId) {
        TestResponse r = client.readResponse();
        assertEquals(status, r.status(), r::toString);
        assertEquals(ORIGIN, r.header("Access-Control-Allow-Origin"), r::toString);
        assertEquals(requestId, r.header("X-Request-Id"), r::toString);
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::toString);
        assertEquals(status, r.problem().status(), r::toString);
        assertEquals(requestId, r.problem().extensions().get("requestId"), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
        assertEquals(0, handled.get(), "the handler must not run for a refused request");
    }

    @Test
    void declaredBodyOverTheLimitIs413ThroughTheMiddlewareBeforeTheBodyIsSent() {
        RawConnection client = client();
        // Only the head: the answer must come from Content-Length alone.
        client.send(head("POST /upload HTTP/1.1", "Host: x", "Origin: " + ORIGIN, "X-Request-Id: req-413",
                "Content-Length: " + (MAX_BODY + 1)));
        assertAnsweredByTheApp(client, 413, "req-413");
    }

    @Test
    void theRefusalIsInTheAccessLogWithItsRouteAndRequestId() {
        RawConnection client = client();
        client.send(head("POST /upload HTTP/1.1", "Host: x", "Origin: " + ORIGIN, "X-Request-Id: req-log",
                "Content-Length: 5000"));
        assertAnsweredByTheApp(client, 413, "req-log");
        LogLine line = accessLog.await(WAIT, l -> "req-log".equals(l.keyValue("requestId")));
        assertEquals("413", line.keyValue("status"), line::toString);
        assertEquals("POST", line.keyValue("method"), line::toString);
        assertEquals("/upload", line.keyValue("path"), line::toString);
        assertEquals("/upload", line.keyValue("route"), line::toString);
    }

    static Stream<Arguments> refusedHeads() {
        return Stream.of(
                Arguments.of("huge Content-Length", 413,
                        head("POST /upload HTTP/1.1", "Host: x", "Content-Length: 99999999999999999999999")),
                Arguments.of("unknown expectation", 417,
                        head("POST /upload HTTP/1.1", "Host: x", "Expect: 200-ok", "Content-Length: 2")),
                Arguments.of("coding before chunked", 501,
                        head("POST /upload HTTP/1.1", "Host: x", "Transfer-Encoding: gzip, chunked")),
                Arguments.of("HTTP/1.1 without Host", 400, head("POST /upload HTTP/1.1", "Content-Length: 0")),
                Arguments.of("no route for the path", 413,
                        head("POST /nowhere HTTP/1.1", "Host: x", "Content-Length: 5000")),
                Arguments.of("wrong method for the path", 413,
                        head("PUT /upload HTTP/1.1", "Host: x", "Content-Length: 5000")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedHeads")
    void everyRefusalOfASoundHeadGoesThroughTheMiddleware(String name, int status, String head) {
        RawConnection client = client();
        String withOrigin = head.replaceFirst("\r\n", "\r\nOrigin: " + ORIGIN + "\r\nX-Request-Id: req-" + status + "\r\n");
        client.send(withOrigin);
        assertAnsweredByTheApp(client, status, "req-" + status);
    }

    @Test
    void aRoutersOwnMiddlewareRunsForTheRefusalButNotTheHandler() {
        RawConnection client = client();
        client.send(head("POST /api/items HTTP/1.1", "Host: x", "Origin: " + ORIGIN, "X-Request-Id: req-api",
                "Content-Length: 5000"));
        TestResponse r = client.readResponse();
        assertEquals(413, r.status(), r::toString);
        assertEquals(ORIGIN, r.header("Access-Control-Allow-Origin"), r::toString);
        assertEquals(1, grouped.get(), "the router's middleware runs");
        assertEquals(0, handled.get());
        client.assertClosedByServer();
    }

    @Test
    void aRequestBeforeTheRefusedOneOnTheSameConnectionIsServed() {
        RawConnection client = client();
        client.send(head("POST /upload HTTP/1.1", "Host: x", "Content-Length: 2") + "ok"
                + head("POST /upload HTTP/1.1", "Host: x", "Origin: " + ORIGIN, "X-Request-Id: req-2",
                        "Content-Length: 5000"));
        TestResponse first = client.readResponse();
        assertEquals(200, first.status(), first::toString);
        assertEquals("got 2", first.bodyString());
        handled.set(0);
        assertAnsweredByTheApp(client, 413, "req-2");
    }

    static Stream<Arguments> unparseableHeads() {
        return Stream.of(
                Arguments.of("Content-Length and Transfer-Encoding",
                        head("POST /upload HTTP/1.1", "Host: x", "Origin: " + ORIGIN, "Content-Length: 5000",
                                "Transfer-Encoding: chunked")),
                Arguments.of("obs-fold", head("POST /upload HTTP/1.1", "Host: x", "Origin: " + ORIGIN, "X-A: a", " b")),
                Arguments.of("two Host fields", head("POST /upload HTTP/1.1", "Host: x", "Host: y", "Origin: " + ORIGIN)),
                Arguments.of("bad request line", head("POST  /upload HTTP/1.1", "Host: x", "Origin: " + ORIGIN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unparseableHeads")
    void anUnparseableHeadStillGetsThePlainAnswer(String name, String head) {
        RawConnection client = client();
        client.send(head);
        TestResponse r = client.readResponse();
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r::toString);
        assertNull(r.header("Access-Control-Allow-Origin"), r::toString);
        assertNull(r.header("X-Request-Id"), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void theJdkClientReadsThe413WithItsCorsHeaders() throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(WAIT).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/upload"))
                    .timeout(WAIT)
                    .header("Origin", ORIGIN)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[MAX_BODY * 4]))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response::body);
            assertEquals(ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
            assertNotNull(response.headers().firstValue("X-Request-Id").orElse(null));
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals("close", response.headers().firstValue("Connection").orElse(null));
            assertTrue(response.body().contains("\"status\":413"), response::body);
        }
        assertEquals(0, handled.get());
    }
}
