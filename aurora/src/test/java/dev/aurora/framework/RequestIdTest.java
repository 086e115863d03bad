package dev.aurora.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** ctx.requestId(): the client's X-Request-Id when safe, else generated; carried by 500 problems. */
class RequestIdTest extends FrameworkTestSupport {

    @Test
    void validIncomingIdIsUsedAndEndsUpInTheServerErrorBody() throws Exception {
        app.get("/id", ctx -> ctx.send(ctx.requestId()));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("secret internals");
        });
        start();

        assertEquals("abc-123_x.y:z", get("/id", "X-Request-Id", "abc-123_x.y:z").text());
        Reply failed = get("/boom", "X-Request-Id", "trace-42");
        assertEquals(500, failed.status());
        JsonNode problem = JSON.readTree(failed.body());
        assertEquals("trace-42", problem.get("requestId").asText());
        assertFalse(failed.text().contains("secret internals"), failed::text);
    }

    @Test
    void unsafeOrMissingIdsAreReplacedByGeneratedOnes() {
        app.get("/id", ctx -> ctx.send(ctx.requestId() + "|" + ctx.requestId()));
        start();

        String[] first = get("/id").text().split("\\|");
        String[] second = get("/id").text().split("\\|");
        assertEquals(first[0], first[1], "stable within one request");
        assertNotEquals(first[0], second[0], "unique across requests");
        assertNotEquals("has space", get("/id", "X-Request-Id", "has space").text().split("\\|")[0]);
        String tooLong = "a".repeat(129);
        assertNotEquals(tooLong, get("/id", "X-Request-Id", tooLong).text().split("\\|")[0]);
        String longest = "b".repeat(128);
        assertEquals(longest, get("/id", "X-Request-Id", longest).text().split("\\|")[0]);
    }
}
