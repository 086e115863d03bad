package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LimitsTest extends ServerTestSupport {
    private static final int MAX_LINE = 256;
    private static final int MAX_HEADER_SIZE = 1024;
    private static final int MAX_HEADER_COUNT = 10;
    private static final int MAX_BODY = 1000;

    private ScheduledExecutorService scheduler;

    @BeforeEach
    void startServer() {
        start(config()
                .withMaxRequestLineLength(MAX_LINE)
                .withMaxHeaderSize(MAX_HEADER_SIZE)
                .withMaxHeaderCount(MAX_HEADER_COUNT)
                .withMaxBodySize(MAX_BODY), app -> {
                    app.get("/", ctx -> ctx.send("ok"));
                    app.post("/echo", ctx -> ctx.send("got " + ctx.body().length));
                });
    }

    @AfterEach
    void stopScheduler() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** A request line of exactly {@code length} bytes (CRLF excluded) for the route "/". */
    private static String requestLine(int length) {
        String prefix = "GET /?q=";
        String suffix = " HTTP/1.1";
        return prefix + "a".repeat(length - prefix.length() - suffix.length()) + suffix;
    }

    @Test
    void requestLineOverTheLimitIs414() {
        RawConnection client = client();
        client.send(requestLine(MAX_LINE + 1) + "\r\nHost: x\r\n\r\n");
        assertErrorAndClosed(client, 414);
    }

    @Test
    void veryLongRequestLineIs414WithoutWaitingForItsEnd() {
        RawConnection client = client();
        client.send("GET /" + "a".repeat(10 * MAX_LINE));
        assertErrorAndClosed(client, 414);
    }

    @Test
    void requestLineAtTheLimitIsServed() {
        RawConnection client = client();
        client.send(requestLine(MAX_LINE) + "\r\nHost: x\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("ok", r.bodyString());
    }

    /**
     * The same request line as {@link #requestLineAtTheLimitIsServed()}, but TCP delivers it in two
     * segments split between its CR and LF. Framing must not depend on where the segments split.
     */
    @Test
    void requestLineAtTheLimitIsServedWhenSplitBetweenCrAndLf() throws Exception {
        RawConnection client = client();
        client.send(requestLine(MAX_LINE) + "\r");
        scheduler = Executors.newSingleThreadScheduledExecutor();
        // Paced delivery of the second segment (not a wait for an effect): gives the server the
        // chance to read the first segment on its own.
        scheduler.schedule(() -> client.send("\nHost: x\r\n\r\n"), 300, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void headerSectionOverTheLimitIs431() {
        RawConnection client = client();
        client.send("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(MAX_HEADER_SIZE + 10) + "\r\n\r\n");
        assertErrorAndClosed(client, 431);
    }

    /**
     * Header lines whose size, counted as the server counts it (from the first header byte to the
     * CR of the last header line), is exactly {@code size}.
     */
    /**
     * Field lines totalling {@code size} bytes, each with its CRLF (the header section of RFC 9112
     * section 2.1); the caller appends only the empty line that ends the head.
     */
    private static String headerSectionOf(int size) {
        String host = "Host: x\r\n";
        String name = "X-Pad: ";
        return host + name + "p".repeat(size - host.length() - name.length() - 2) + "\r\n";
    }

    @Test
    void headerSectionAtTheLimitIsServed() {
        RawConnection client = client();
        client.send("GET / HTTP/1.1\r\n" + headerSectionOf(MAX_HEADER_SIZE) + "\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void headerSectionOneByteOverTheLimitIs431() {
        RawConnection client = client();
        client.send("GET / HTTP/1.1\r\n" + headerSectionOf(MAX_HEADER_SIZE + 1) + "\r\n");
        assertErrorAndClosed(client, 431);
    }

    /**
     * The same head as {@link #headerSectionAtTheLimitIsServed()}, delivered in two TCP segments
     * split inside the final empty line. Whether a head is within the limit must not depend on how
     * its bytes were segmented.
     */
    @Test
    void headerSectionAtTheLimitIsServedWhenSplitBeforeTheFinalLf() throws Exception {
        RawConnection client = client();
        client.send("GET / HTTP/1.1\r\n" + headerSectionOf(MAX_HEADER_SIZE) + "\r");
        scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.schedule(() -> client.send("\n"), 300, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS);
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void manyHeadersAddingUpOverTheSizeLimitAre431() {
        RawConnection client = client();
        StringBuilder sb = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 5; i++) {
            sb.append("X-H").append(i).append(": ").append("v".repeat(250)).append("\r\n");
        }
        client.send(sb.append("\r\n").toString());
        assertErrorAndClosed(client, 431);
    }

    @Test
    void tooManyHeaderFieldsAre431() {
        RawConnection client = client();
        StringBuilder sb = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < MAX_HEADER_COUNT + 5; i++) {
            sb.append("X-").append(i).append(": v\r\n");
        }
        client.send(sb.append("\r\n").toString());
        assertErrorAndClosed(client, 431);
    }

    @Test
    void headerCountAtTheLimitIsServed() {
        RawConnection client = client();
        StringBuilder sb = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < MAX_HEADER_COUNT - 1; i++) {
            sb.append("X-").append(i).append(": v\r\n");
        }
        client.send(sb.append("\r\n").toString());
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
    }

    @Test
    void contentLengthOverTheLimitIs413BeforeTheBodyIsSent() {
        RawConnection client = client();
        // Only the head: the server must answer from Content-Length alone, not wait for the body.
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + (MAX_BODY + 1) + "\r\n\r\n");
        assertErrorAndClosed(client, 413);
    }

    @Test
    void contentLengthAtTheLimitIsAccepted() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + MAX_BODY + "\r\n\r\n" + "z".repeat(MAX_BODY));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("got " + MAX_BODY, r.bodyString());
    }

    @Test
    void hugeContentLengthIs413() {
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999999\r\n\r\n");
        assertErrorAndClosed(client, 413);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() {
        RawConnection client = client();
        String data = "c".repeat(600);
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "258\r\n" + data + "\r\n" + "258\r\n" + data + "\r\n0\r\n\r\n");
        assertErrorAndClosed(client, 413);
    }

    private static void assertErrorAndClosed(RawConnection client, int status) {
        TestResponse r = client.readResponse();
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }
}
