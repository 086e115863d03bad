package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.AuroraTestClient;
import org.junit.jupiter.api.Test;

/** A body cut off by the client (end of stream before Content-Length bytes) is never answered with a success. */
class TruncatedBodyTest {
    @Test
    void truncatedBodyIsNotAnsweredWith200() {
        Aurora app = Aurora.create(ServerConfig.defaults()).post("/echo", ctx -> ctx.send(ctx.body()));
        String answer = AuroraTestClient.of(app)
                .raw("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n0123456789").text();
        assertFalse(answer.contains("200 OK"), answer);
    }
}
