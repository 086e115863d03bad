package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.LogCapture;
import dev.aurora.test.LogLine;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/**
 * Served requests log nothing, not even at TRACE, unless the access log is on: then exactly one
 * access line each and still nothing else. (Errors a handler throws are logged at ERROR; they are
 * not on the hot path and not served here.)
 */
class QuietHotPathTest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final LogCapture logs = LogCapture.attach("dev.aurora", Level.TRACE);

    @AfterEach
    void stop() {
        logs.close();
        app.stop();
    }

    /** Every kind of answer that does not involve a failing handler: 200, streamed, 404, 405, OPTIONS, HEAD, 400. */
    private void serveAMix() {
        app.get("/text", ctx -> ctx.send("hi"));
        app.post("/echo", ctx -> ctx.send(ctx.body()));
        app.get("/stream", ctx -> ctx.outputStream().write(new byte[100]));
        client.get("/text").send().assertStatus(200);
        client.post("/echo").body("body", "text/plain").send().assertStatus(200);
        client.get("/stream").send().assertStatus(200);
        client.get("/missing").send().assertStatus(404);
        client.delete("/text").send().assertStatus(405);
        client.options("/text").send().assertStatus(200);
        client.head("/text").send().assertStatus(200);
        client.get("/a/../text").send().assertStatus(400);
    }

    @Test
    void nothingIsLoggedPerRequestByDefault() {
        app.requestIds();
        serveAMix();
        assertEquals(List.of(), logs.lines());
    }

    @Test
    void withTheAccessLogOnlyAccessLinesAreLogged() {
        app.accessLog();
        // The test configuration keeps the access logger apart (additivity off): capture it on its own.
        try (LogCapture access = LogCapture.attach("dev.aurora.access", Level.INFO)) {
            serveAMix();
            List<LogLine> lines = access.lines();
            assertEquals(8, lines.size(), lines::toString);
            assertEquals(List.of(Level.INFO), lines.stream().map(LogLine::level).distinct().toList());
        }
        assertEquals(List.of(), logs.lines());
    }
}
