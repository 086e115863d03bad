package dev.aurora.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.error.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Regressions for defects found in code review (pipelining, truncated bodies, 205, encoded separators). */
class ReviewFindingsRegressionTest {
    private static final String BODY = "t".repeat(10_000);
    private final Aurora app = Aurora.create(ServerConfig.defaults());

    private String exchange(String request) throws Exception {
        return new String(InProcess.exchange(app, request.getBytes(StandardCharsets.ISO_8859_1)),
                StandardCharsets.ISO_8859_1);
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The buffer compacts while a body is read; path parameters must still read the path. */
    @Test
    void pathParameterReadAfterALargeBodyIsStillThePathValue() throws Exception {
        app.get("/a", ctx -> ctx.send("AAA"));
        app.post("/users/:id", ctx -> {
            String before = ctx.param("id");
            ctx.body();
            ctx.send(before + "|" + ctx.param("id"));
        });
        String answer = exchange("GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /users/42 HTTP/1.1\r\nHost: h\r\nContent-Length: 10000\r\n\r\n" + BODY);
        assertTrue(answer.endsWith("\r\n\r\n42|42"), answer.substring(Math.max(0, answer.length() - 200)));
    }

    /** An error after the body was read (which flushed the previous response) must not resend it. */
    @Test
    void errorAfterReadingTheBodyDoesNotRepeatThePreviousPipelinedResponse() throws Exception {
        app.get("/a", ctx -> ctx.send("AAA"));
        app.post("/fail", ctx -> {
            ctx.body();
            throw new BadRequestException("no");
        });
        String answer = exchange("GET /a HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /fail HTTP/1.1\r\nHost: h\r\nContent-Length: 10000\r\n\r\n" + BODY
                + "GET /a HTTP/1.1\r\nHost: h\r\n\r\n");
        assertEquals(3, count(answer, "HTTP/1\\.1 \\d{3}"), answer);
        assertEquals(2, count(answer, "\r\n\r\nAAA"), answer);
        assertEquals(1, count(answer, "HTTP/1\\.1 400"), answer);
    }

    /** A body cut off by the client is never answered with a success. */
    @Test
    void truncatedBodyIsNotAnsweredWith200() throws Exception {
        app.post("/echo", ctx -> ctx.send(ctx.body()));
        String answer = exchange("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n0123456789");
        assertFalse(answer.contains("200 OK"), answer);
    }

    /** RFC 9110 15.3.6: a 205 response has no content. */
    @Test
    void resetContentHasNoBody() throws Exception {
        app.get("/reset", ctx -> ctx.status(205).send("ignored"));
        String answer = exchange("GET /reset HTTP/1.1\r\nHost: h\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 205"), answer);
        assertTrue(answer.contains("Content-Length: 0\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n"), answer);
    }

    /** An encoded backslash separates segments on Windows, so "..%5C" is a dot segment. */
    @Test
    void encodedBackslashCannotHideDotSegments() throws Exception {
        app.get("/f/*rest", ctx -> ctx.send(ctx.param("rest")));
        assertTrue(exchange("GET /f/..%5C..%5Cwin.ini HTTP/1.1\r\nHost: h\r\n\r\n").startsWith("HTTP/1.1 400"));
        assertTrue(exchange("GET /f/a%5Cb HTTP/1.1\r\nHost: h\r\n\r\n").startsWith("HTTP/1.1 200"));
    }
}
