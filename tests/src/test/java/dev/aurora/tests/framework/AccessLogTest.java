package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.LogCapture;
import dev.aurora.test.LogLine;
import dev.aurora.test.RawResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * {@code app.accessLog()}: one INFO event per request on {@code dev.aurora.access}, with every
 * field as a key-value pair, also for requests that end in 404 or 500; nothing when it is off.
 */
class AccessLogTest {
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";

    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final LogCapture logs = LogCapture.attach("dev.aurora.access", Level.INFO);

    @AfterEach
    void stop() {
        logs.close();
        app.stop();
    }

    private void routes() {
        app.get("/users/:id", ctx -> ctx.send("user " + ctx.param("id")));
        app.post("/echo", ctx -> ctx.send(ctx.body()));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal");
        });
    }

    @Test
    void oneLineWithEveryFieldAsKeyValue() {
        app.accessLog();
        routes();
        String request = "GET /users/42 HTTP/1.1\r\nHost: x\r\nUser-Agent: curl/8.5\r\nX-Request-Id: req-1\r\n"
                + "traceparent: 00-" + TRACE + "-" + SPAN + "-01\r\nConnection: close\r\n\r\n";
        RawResult result = client.raw(request);
        assertEquals(200, result.responses().getFirst().status());

        LogLine line = single();
        assertEquals(Level.INFO, line.level());
        assertEquals("GET", line.keyValue("method"));
        assertEquals("/users/:id", line.keyValue("route"));
        assertEquals("/users/42", line.keyValue("path"));
        assertEquals("200", line.keyValue("status"));
        assertTrue(Long.parseLong(line.keyValue("durationUs")) >= 0, line::toString);
        assertEquals(String.valueOf(request.length()), line.keyValue("bytesIn"));
        assertEquals(String.valueOf(result.bytes().length), line.keyValue("bytesOut"));
        assertEquals("127.0.0.1", line.keyValue("remote"));
        assertEquals("curl/8.5", line.keyValue("userAgent"));
        assertEquals("req-1", line.keyValue("requestId"));
        assertEquals(TRACE, line.keyValue("traceId"));
        assertEquals(SPAN, line.keyValue("spanId"));
        assertTrue(line.message().startsWith("GET /users/42 200 "), line::toString);
        assertTrue(line.message().endsWith("µs"), line::toString);
    }

    @Test
    void fieldsTheRequestLacksAreLeftOut() {
        app.accessLog();
        routes();
        client.get("/users/7").send().assertStatus(200);

        LogLine line = single();
        assertNull(line.keyValue("userAgent"));
        assertNull(line.keyValue("traceId"));
        assertNull(line.keyValue("spanId"));
        assertFalse(line.keyValue("requestId").isEmpty(), "a generated id");
    }

    @Test
    void notFoundAndServerErrorsAreLoggedWithTheirStatusAndBodySize() {
        app.accessLog();
        routes();
        RawResult missing = client.raw("GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        RawResult failed = client.raw("GET /boom HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        List<LogLine> lines = logs.lines();
        assertEquals(2, lines.size(), lines::toString);
        assertEquals("404", lines.get(0).keyValue("status"));
        assertNull(lines.get(0).keyValue("route"), "no route matched");
        assertEquals(String.valueOf(missing.bytes().length), lines.get(0).keyValue("bytesOut"));
        assertEquals("500", lines.get(1).keyValue("status"));
        assertEquals("/boom", lines.get(1).keyValue("route"));
        assertEquals(String.valueOf(failed.bytes().length), lines.get(1).keyValue("bytesOut"));
    }

    @Test
    void requestWhoseHeadCannotBeParsedIsLoggedWithWhatIsKnown() {
        app.accessLog();
        routes();
        RawResult result = client.raw("GET /users/1 HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n");
        assertEquals(400, result.responses().getFirst().status());

        LogLine line = single();
        assertEquals("400", line.keyValue("status"));
        assertEquals(String.valueOf(result.bytes().length), line.keyValue("bytesOut"));
        assertEquals("127.0.0.1", line.keyValue("remote"));
        assertNull(line.keyValue("method"));
        assertTrue(line.message().startsWith("- - 400 "), line::toString);
    }

    @Test
    void pipelinedRequestsGetOneLineEachWithTheirOwnSizes() {
        app.accessLog();
        routes();
        String first = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
        String second = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "3\r\nabc\r\n0\r\n\r\n";
        RawResult result = client.raw((first + second).getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(2, result.responses().size());

        List<LogLine> lines = logs.lines();
        assertEquals(2, lines.size(), lines::toString);
        assertEquals(String.valueOf(first.length()), lines.get(0).keyValue("bytesIn"));
        long headOfSecond = second.indexOf("\r\n\r\n") + 4;
        assertEquals(String.valueOf(headOfSecond + 3), lines.get(1).keyValue("bytesIn"), "head plus the chunk data");
        long out = Long.parseLong(lines.get(0).keyValue("bytesOut")) + Long.parseLong(lines.get(1).keyValue("bytesOut"));
        assertEquals(result.bytes().length, out, "the two responses add up to every byte sent");
    }

    @Test
    void offByDefault() {
        routes();
        client.get("/users/1").send().assertStatus(200);
        client.get("/nowhere").send().assertStatus(404);
        assertEquals(List.of(), logs.lines());
    }

    @Test
    void anotherLoggerCanBeNamed() {
        app.accessLog("com.example.requests");
        routes();
        try (LogCapture own = LogCapture.attach("com.example.requests", Level.INFO)) {
            client.get("/users/3").send().assertStatus(200);
            assertEquals("/users/3", own.lines().getFirst().keyValue("path"));
        }
        assertEquals(List.of(), logs.lines());
    }

    @Test
    void overARealSocket() {
        app.accessLog();
        routes();
        app.start(0);
        AuroraTestClient http = AuroraTestClient.http(app);
        http.get("/users/9").header("X-Request-Id", "socket-1").send().assertStatus(200);

        LogLine line = logs.await(l -> "socket-1".equals(l.keyValue("requestId")));
        assertEquals("/users/9", line.keyValue("path"));
        assertEquals("/users/:id", line.keyValue("route"));
        assertEquals("127.0.0.1", line.keyValue("remote"));
    }

    private LogLine single() {
        List<LogLine> lines = logs.lines();
        assertEquals(1, lines.size(), lines::toString);
        return lines.getFirst();
    }
}
