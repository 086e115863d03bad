package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResponseFramingTest extends ServerTestSupport {
    private static final Pattern IMF_FIXDATE = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} "
                    + "\\d{2}:\\d{2}:\\d{2} GMT");

    private final AtomicReference<Throwable> headerFailure = new AtomicReference<>();

    @BeforeEach
    void startServer() {
        start(app -> {
            app.get("/text", ctx -> ctx.header("X-Custom", "yes").send("hello"));
            app.get("/utf8", ctx -> ctx.send("héllo ✓"));
            app.get("/no-content", ctx -> ctx.status(204));
            app.get("/not-modified", ctx -> ctx.status(304).header("ETag", "\"v1\"").send("must not be sent"));
            app.get("/stream", ctx -> {
                try (OutputStream out = ctx.outputStream()) {
                    out.write("part1-".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    out.write("part2".getBytes(StandardCharsets.US_ASCII));
                }
            });
            app.get("/fixed-stream", ctx -> {
                ctx.header("Content-Length", "10");
                OutputStream out = ctx.outputStream();
                out.write("01234".getBytes(StandardCharsets.US_ASCII));
                out.write("56789".getBytes(StandardCharsets.US_ASCII));
            });
            app.get("/short-stream", ctx -> {
                ctx.header("Content-Length", "10");
                ctx.outputStream().write("0123".getBytes(StandardCharsets.US_ASCII));
            });
            app.post("/only-post", ctx -> ctx.send("posted"));
            app.put("/only-post", ctx -> ctx.send("put"));
            app.get("/crlf", ctx -> ctx.header("X-Injected", "a\r\nInjected: yes").send("unreachable"));
            app.get("/crlf-caught", ctx -> {
                try {
                    ctx.header("X-Injected", "a\r\nInjected: yes");
                } catch (Throwable t) {
                    headerFailure.set(t);
                }
                ctx.send("caught");
            });
            app.get("/json", ctx -> {
                Map<String, Object> value = new LinkedHashMap<>();
                value.put("name", "aurora");
                value.put("count", 3);
                value.put("tags", List.of("a", "b"));
                ctx.json(value);
            });
            app.get("/query", ctx -> ctx.send(String.join("|",
                    String.valueOf(ctx.query("name")), String.valueOf(ctx.query("empty")),
                    String.valueOf(ctx.query("flag")), String.valueOf(ctx.query("x")),
                    String.valueOf(ctx.query("plus")), String.valueOf(ctx.query("missing")),
                    String.valueOf(ctx.query("sp ace")))));
            app.get("/headers", ctx -> ctx.send(ctx.header("x-multi") + "|" + ctx.header("X-MULTI") + "|"
                    + ctx.headers("X-Multi") + "|" + ctx.headers("absent") + "|" + ctx.header("absent")
                    + "|" + ctx.header("x-spaced") + "|"));
            app.post("/sha256", ctx -> {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                byte[] buf = new byte[8192];
                long total = 0;
                try (InputStream in = ctx.bodyStream()) {
                    int n;
                    while ((n = in.read(buf)) >= 0) {
                        digest.update(buf, 0, n);
                        total += n;
                    }
                }
                ctx.send(total + ":" + HexFormat.of().formatHex(digest.digest()));
            });
        });
    }

    private static void assertDate(TestResponse r) {
        String date = r.header("Date");
        assertNotNull(date, () -> "no Date header:\n" + r);
        assertTrue(IMF_FIXDATE.matcher(date).matches(), "not an IMF-fixdate: " + date);
        ZonedDateTime parsed = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
        long skew = Math.abs(Duration.between(parsed, ZonedDateTime.now()).toSeconds());
        assertTrue(skew < 60, "Date is " + skew + " s off");
    }

    @Test
    void everyResponseHasADateHeader() {
        RawConnection client = client();
        client.send(RawConnection.get("/text") + RawConnection.get("/missing") + RawConnection.get("/no-content")
                + RawConnection.get("/stream") + "DELETE /text HTTP/1.1\r\nHost: x\r\n\r\n" + RawConnection.get("/crlf")
                + "GET / HTTP/1.1\r\n\r\n");
        for (int i = 0; i < 7; i++) {
            assertDate(client.readResponse());
        }
    }

    @Test
    void sendHasContentLength() {
        RawConnection client = client();
        client.send(RawConnection.get("/text") + RawConnection.get("/utf8"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("5", r.header("Content-Length"));
        assertNull(r.header("Transfer-Encoding"));
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("yes", r.header("X-Custom"));
        assertEquals("hello", r.bodyString());
        TestResponse utf8 = client.readResponse();
        assertEquals(String.valueOf("héllo ✓".getBytes(StandardCharsets.UTF_8).length), utf8.header("Content-Length"));
        assertEquals("héllo ✓", utf8.bodyString());
    }

    @Test
    void headGetsTheGetHeadersWithoutABody() {
        RawConnection client = client();
        client.send(RawConnection.get("/text"));
        TestResponse get = client.readResponse();
        client.send("HEAD /text HTTP/1.1\r\nHost: x\r\n\r\n" + RawConnection.get("/utf8"));
        TestResponse head = client.readHeadResponse();
        assertEquals(200, head.status());
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
        assertEquals(get.header("Content-Type"), head.header("Content-Type"));
        assertEquals("yes", head.header("X-Custom"));
        // The next response starts right after the HEAD response's headers.
        TestResponse next = client.readResponse();
        assertEquals(200, next.status(), next::toString);
        assertEquals("héllo ✓", next.bodyString());
    }

    @Test
    void headOfAStreamedResponseHasNoBody() {
        RawConnection client = client();
        client.send("HEAD /stream HTTP/1.1\r\nHost: x\r\n\r\n" + RawConnection.get("/text"));
        TestResponse head = client.readHeadResponse();
        assertEquals(200, head.status());
        TestResponse next = client.readResponse();
        assertEquals("hello", next.bodyString(), next::toString);
    }

    @Test
    void noContentAndNotModifiedHaveNoBodyAndNoContentLength() {
        RawConnection client = client();
        client.send(RawConnection.get("/no-content") + RawConnection.get("/not-modified") + RawConnection.get("/text"));
        TestResponse noContent = client.readResponse();
        assertEquals(204, noContent.status());
        assertNull(noContent.header("Content-Length"), noContent::toString);
        assertNull(noContent.header("Transfer-Encoding"), noContent::toString);
        TestResponse notModified = client.readResponse();
        assertEquals(304, notModified.status());
        assertNull(notModified.header("Content-Length"), notModified::toString);
        assertNull(notModified.header("Transfer-Encoding"), notModified::toString);
        assertEquals("\"v1\"", notModified.header("ETag"));
        TestResponse next = client.readResponse();
        assertEquals(200, next.status(), next::toString);
        assertEquals("hello", next.bodyString());
    }

    @Test
    void streamedBodyIsChunkedForHttp11() {
        RawConnection client = client();
        client.send(RawConnection.get("/stream") + RawConnection.get("/text"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("chunked", r.header("Transfer-Encoding"), r::toString);
        assertEquals("chunked", r.header("Transfer-Encoding"));
        assertNull(r.header("Content-Length"));
        assertEquals("part1-part2", r.bodyString());
        assertFalse(r.closesConnection());
        assertEquals("hello", client.readResponse().bodyString());
    }

    @Test
    void streamedBodyIsCloseDelimitedForHttp10() {
        RawConnection client = client();
        client.send("GET /stream HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertNull(r.header("Content-Length"), r::toString);
        assertNull(r.header("Transfer-Encoding"), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        assertEquals("part1-part2", r.bodyString());
    }

    @Test
    void declaredContentLengthMakesAStreamedBodyFixedLength() {
        RawConnection client = client();
        client.send(RawConnection.get("/fixed-stream") + RawConnection.get("/text"));
        TestResponse r = client.readResponse();
        assertEquals("10", r.header("Content-Length"));
        assertNull(r.header("Transfer-Encoding"));
        assertEquals("0123456789", r.bodyString());
        assertFalse(r.closesConnection());
        assertEquals("hello", client.readResponse().bodyString());
    }

    @Test
    void streamShorterThanTheDeclaredLengthClosesTheConnection() {
        RawConnection client = client();
        client.send(RawConnection.get("/short-stream"));
        RawConnection.Partial partial = client.readPartialResponse();
        TestResponse r = partial.response();
        assertEquals("10", r.header("Content-Length"));
        assertFalse(partial.complete(), r::toString);
        assertEquals("0123", r.bodyString());
    }

    @Test
    void unknownPathIs404() {
        RawConnection client = client();
        client.send(RawConnection.get("/nope") + RawConnection.get("/text"));
        TestResponse r = client.readResponse();
        assertEquals(404, r.status());
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        assertEquals("hello", client.readResponse().bodyString(), "404 keeps the connection");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        RawConnection client = client();
        client.send("POST /text HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + RawConnection.get("/only-post"));
        TestResponse r = client.readResponse();
        assertEquals(405, r.status(), r::toString);
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
        TestResponse second = client.readResponse();
        assertEquals(405, second.status(), second::toString);
        assertEquals(Set.of("POST", "PUT", "OPTIONS"), tokens(second.header("Allow")));
    }

    @Test
    void optionsIsAnsweredAutomaticallyWithAllow() {
        RawConnection client = client();
        client.send("OPTIONS /text HTTP/1.1\r\nHost: x\r\n\r\n" + "OPTIONS /only-post HTTP/1.1\r\nHost: x\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("GET, HEAD, OPTIONS", r.header("Allow"));
        assertEquals(Set.of("POST", "PUT", "OPTIONS"), tokens(client.readResponse().header("Allow")));
    }

    @Test
    void optionsAsteriskListsEveryMethod() {
        RawConnection client = client();
        client.send("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n" + RawConnection.get("/text"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals(Set.of("GET", "HEAD", "POST", "PUT", "OPTIONS"), tokens(r.header("Allow")));
        assertEquals("0", r.header("Content-Length"));
        assertEquals("hello", client.readResponse().bodyString());
    }

    @Test
    void headerValueWithCrLfIsRefusedInsideTheHandler() {
        RawConnection client = client();
        client.send(RawConnection.get("/crlf") + RawConnection.get("/crlf-caught"));
        TestResponse r = client.readResponse();
        assertEquals(500, r.status(), r::toString);
        assertNull(r.header("Injected"), r::toString);
        assertNull(r.header("X-Injected"), r::toString);
        TestResponse caught = client.readResponse();
        assertEquals("caught", caught.bodyString());
        assertNull(caught.header("Injected"), caught::toString);
        assertInstanceOf(IllegalArgumentException.class, headerFailure.get());
    }

    @Test
    void jsonHasContentTypeAndBody() throws Exception {
        RawConnection client = client();
        client.send(RawConnection.get("/json"));
        TestResponse r = client.readResponse();
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        assertEquals("{\"name\":\"aurora\",\"count\":3,\"tags\":[\"a\",\"b\"]}", r.bodyString());
        JsonNode node = new ObjectMapper().readTree(r.body());
        assertEquals(3, node.get("count").asInt());
    }

    @Test
    void queryParametersArePercentDecoded() {
        RawConnection client = client();
        client.send(RawConnection.get("/query?name=J%C3%BCrgen+M%C3%BCller&empty=&flag&x=1&x=2&plus=a%2Bb&sp%20ace=ok"));
        TestResponse r = client.readResponse();
        assertEquals("Jürgen Müller||" + "|1|a+b|null|ok", r.bodyString());
    }

    @Test
    void headerLookupIsCaseInsensitiveAndKeepsOrder() {
        RawConnection client = client();
        client.send("GET /headers HTTP/1.1\r\nHost: x\r\nX-Multi: a\r\nx-multi:b\r\nX-MULTI:   c  \r\n"
                + "X-Spaced: \t inner  space \t\r\n\r\n");
        TestResponse r = client.readResponse();
        assertEquals("a|a|[a, b, c]|[]|null|inner  space|", r.bodyString());
    }

    @Test
    void bodyStreamReadsAFiveMebibyteChunkedUploadExactly() throws Exception {
        byte[] data = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(data);
        String expected = data.length + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));

        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes("POST /sha256 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Random sizes = new Random(7);
        int at = 0;
        while (at < data.length) {
            int n = Math.min(data.length - at, 1 + sizes.nextInt(40_000));
            request.writeBytes((Integer.toHexString(n) + (sizes.nextBoolean() ? ";ext=v" : "") + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            request.write(data, at, n);
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            at += n;
        }
        request.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        RawConnection client = client();
        client.send(request.toByteArray());
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals(expected, r.bodyString());
    }

    @Test
    void contentLengthUploadIsReadExactlyToo() throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        String expected = data.length + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        RawConnection client = client();
        byte[] head = ("POST /sha256 HTTP/1.1\r\nHost: x\r\nContent-Length: " + data.length + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        client.send(all);
        assertEquals(expected, client.readResponse().bodyString());
    }

    private static Set<String> tokens(String list) {
        assertNotNull(list);
        return Arrays.stream(list.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
