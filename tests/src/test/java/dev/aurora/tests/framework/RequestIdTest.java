package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ctx.requestId(): the client's X-Request-Id when safe, else generated; carried by 500 problems. */
class RequestIdTest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void validIncomingIdIsUsedAndEndsUpInTheServerErrorBody() {
        app.get("/id", ctx -> ctx.send(ctx.requestId()));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("secret internals");
        });

        client.get("/id").header("X-Request-Id", "abc-123_x.y:z").send().assertBody("abc-123_x.y:z");
        TestResponse failed = client.get("/boom").header("X-Request-Id", "trace-42").send().assertStatus(500);
        assertEquals("trace-42", failed.problem().extensions().get("requestId"));
        assertFalse(failed.bodyString().contains("secret internals"), failed::describe);
    }

    @Test
    void unsafeOrMissingIdsAreReplacedByGeneratedOnes() {
        app.get("/id", ctx -> ctx.send(ctx.requestId() + "|" + ctx.requestId()));

        String[] first = id(null);
        String[] second = id(null);
        assertEquals(first[0], first[1], "stable within one request");
        assertNotEquals(first[0], second[0], "unique across requests");
        assertNotEquals("has space", id("has space")[0]);
        String tooLong = "a".repeat(129);
        assertNotEquals(tooLong, id(tooLong)[0]);
        String longest = "b".repeat(128);
        assertEquals(longest, id(longest)[0]);
    }

    /** The two ids the handler read, for a request with {@code offered} as X-Request-Id (or none). */
    private String[] id(String offered) {
        var request = client.get("/id");
        if (offered != null) {
            request.header("X-Request-Id", offered);
        }
        return request.send().bodyString().split("\\|");
    }
}
