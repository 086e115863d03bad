package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.LogCapture;
import dev.aurora.test.LogLine;
import dev.aurora.test.RawResult;
import dev.aurora.test.TestResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * {@code app.requestIds()}: the id (the client's when valid, else generated) is echoed in
 * {@code X-Request-Id}, in the MDC while the handler runs and not after, and in problem bodies.
 */
class RequestIdPropagationTest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    /** Answers {@code ctx.requestId()|MDC requestId}. */
    private void mdcRoute() {
        app.get("/mdc", ctx -> ctx.send(ctx.requestId() + "|" + MDC.get("requestId")));
    }

    @Test
    void validIncomingIdIsEchoedAndInTheMdc() {
        app.requestIds();
        mdcRoute();
        client.get("/mdc").header("X-Request-Id", "abc-123_x.y:z").send()
                .assertHeader("X-Request-Id", "abc-123_x.y:z")
                .assertBody("abc-123_x.y:z|abc-123_x.y:z");
    }

    @Test
    void invalidIncomingIdIsReplacedEverywhere() {
        app.requestIds();
        mdcRoute();
        TestResponse response = client.get("/mdc").header("X-Request-Id", "has space").send();
        String id = response.header("X-Request-Id");
        assertNotEquals("has space", id);
        response.assertBody(id + "|" + id);
        String tooLong = "a".repeat(129);
        assertNotEquals(tooLong, client.get("/mdc").header("X-Request-Id", tooLong).send().header("X-Request-Id"));
    }

    @Test
    void absentIdIsGeneratedAndEchoed() {
        app.requestIds();
        mdcRoute();
        TestResponse first = client.get("/mdc").send();
        TestResponse second = client.get("/mdc").send();
        first.assertBody(first.header("X-Request-Id") + "|" + first.header("X-Request-Id"));
        assertNotEquals(first.header("X-Request-Id"), second.header("X-Request-Id"));
    }

    @Test
    void aHandlersOwnXRequestIdIsNotDoubled() {
        app.requestIds();
        app.get("/own", ctx -> ctx.header("X-Request-Id", "from-handler").send("ok"));
        client.get("/own").header("X-Request-Id", "from-client").send().assertHeaders("X-Request-Id", "from-handler");
    }

    @Test
    void errorResponsesCarryTheIdInHeaderAndProblemBody() {
        app.requestIds();
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal");
        });
        TestResponse missing = client.get("/nowhere").header("X-Request-Id", "r-404").send().assertStatus(404);
        missing.assertHeader("X-Request-Id", "r-404");
        assertEquals("r-404", missing.problem().extensions().get("requestId"));
        TestResponse failed = client.get("/boom").header("X-Request-Id", "r-500").send().assertStatus(500);
        failed.assertHeaders("X-Request-Id", "r-500");
        assertEquals("r-500", failed.problem().extensions().get("requestId"));
    }

    @Test
    void withoutRequestIdsOnlyServerErrorsCarryTheId() {
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal");
        });
        TestResponse missing = client.get("/nowhere").header("X-Request-Id", "plain-404").send().assertStatus(404);
        assertNull(missing.header("X-Request-Id"), "echo is opt-in");
        assertNull(missing.problem().extensions().get("requestId"), "default problem bodies stay as documented");
        TestResponse failed = client.get("/boom").header("X-Request-Id", "plain-500").send().assertStatus(500);
        assertEquals("plain-500", failed.problem().extensions().get("requestId"));
    }

    @Test
    void errorLogOfAFailedRequestHasTheIdInItsMdc() {
        app.requestIds();
        app.get("/boom", ctx -> {
            throw new IllegalStateException("internal");
        });
        try (LogCapture logs = LogCapture.attach("dev.aurora.internal.server", Level.ERROR)) {
            client.get("/boom").header("X-Request-Id", "failing-1").send().assertStatus(500);
            LogLine line = logs.await(l -> l.message().contains("failing-1"));
            assertEquals("failing-1", line.mdc().get("requestId"));
        }
    }

    @Test
    void mdcIsClearedAfterEachRequestOnTheSameConnection() {
        app.requestIds();
        mdcRoute();
        RawResult result = client.raw("GET /mdc HTTP/1.1\r\nHost: x\r\nX-Request-Id: one\r\n\r\n"
                + "GET /mdc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        List<String> bodies = result.responses().stream().map(TestResponse::bodyString).toList();
        assertEquals("one|one", bodies.get(0));
        String second = result.responses().get(1).header("X-Request-Id");
        assertNotEquals("one", second);
        assertEquals(second + "|" + second, bodies.get(1));
    }

    @Test
    void mdcOfTheServingThreadIsRestoredToWithoutTheIds() throws Exception {
        app.requestIds();
        mdcRoute();
        AtomicReference<String> after = new AtomicReference<>("unset");
        AtomicReference<String> kept = new AtomicReference<>();
        // In-process requests from a virtual thread are served on that very thread.
        Thread thread = Thread.ofVirtual().start(() -> {
            MDC.put("tenant", "t1");
            client.get("/mdc").header("X-Request-Id", "vt-1").send().assertBody("vt-1|vt-1");
            after.set(MDC.get("requestId"));
            kept.set(MDC.get("tenant"));
            MDC.clear();
        });
        thread.join();
        assertNull(after.get(), "requestId must not outlive the request");
        assertEquals("t1", kept.get(), "keys Aurora did not put stay");
    }

    @Test
    void withoutRequestIdsNothingIsEchoedNorPutInTheMdc() {
        mdcRoute();
        TestResponse response = client.get("/mdc").header("X-Request-Id", "quiet").send();
        assertNull(response.header("X-Request-Id"));
        response.assertBody("quiet|null");
    }
}
