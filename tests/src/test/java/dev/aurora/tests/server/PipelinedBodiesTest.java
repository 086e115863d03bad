package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.error.BadRequestException;
import dev.aurora.test.AuroraTestClient;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A request with a large body behind a pipelined one: reading the body compacts the input buffer
 * and flushes the previous response, and neither may disturb the request or the responses.
 */
class PipelinedBodiesTest {
    private static final String BODY = "t".repeat(10_000);
    private final Aurora app = Aurora.create(ServerConfig.defaults());

    private String exchange(String request) {
        return AuroraTestClient.of(app).raw(request).text();
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
    void pathParameterReadAfterALargeBodyIsStillThePathValue() {
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
    void errorAfterReadingTheBodyDoesNotRepeatThePreviousPipelinedResponse() {
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
}
