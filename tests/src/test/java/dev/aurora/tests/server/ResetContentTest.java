package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.AuroraTestClient;
import org.junit.jupiter.api.Test;

/** RFC 9110 15.3.6: a 205 (Reset Content) response has no content, whatever the handler sent. */
class ResetContentTest {
    @Test
    void resetContentHasNoBody() {
        Aurora app = Aurora.create(ServerConfig.defaults()).get("/reset", ctx -> ctx.status(205).send("ignored"));
        String answer = AuroraTestClient.of(app).raw("GET /reset HTTP/1.1\r\nHost: h\r\n\r\n").text();
        assertTrue(answer.startsWith("HTTP/1.1 205"), answer);
        assertTrue(answer.contains("Content-Length: 0\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n"), answer);
    }
}
