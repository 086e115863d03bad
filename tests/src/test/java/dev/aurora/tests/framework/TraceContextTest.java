package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.LogCapture;
import dev.aurora.test.LogLine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.slf4j.event.Level;

/**
 * An incoming W3C {@code traceparent}: valid, its trace and parent ids are the MDC's
 * {@code traceId} and {@code spanId} and are in the access log; malformed, it is ignored and the
 * request is served as if it had none. (Each validation rule: {@code TraceParentTest}.)
 */
class TraceContextTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN = "b7ad6b7169203331";

    private final Aurora app = Aurora.create().requestIds().accessLog();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final LogCapture logs = LogCapture.attach("dev.aurora.access", Level.INFO);

    TraceContextTest() {
        app.get("/trace", ctx -> ctx.send(MDC.get("traceId") + "|" + MDC.get("spanId")));
    }

    @AfterEach
    void stop() {
        logs.close();
        app.stop();
    }

    @Test
    void validTraceparentFillsMdcAndAccessLog() {
        client.get("/trace").header("traceparent", "00-" + TRACE + "-" + SPAN + "-01").send()
                .assertStatus(200).assertBody(TRACE + "|" + SPAN);
        LogLine line = logs.lines().getFirst();
        assertEquals(TRACE, line.keyValue("traceId"));
        assertEquals(SPAN, line.keyValue("spanId"));
    }

    @Test
    void validTraceparentOverARealSocket() {
        app.start(0);
        AuroraTestClient.http(app).get("/trace").header("traceparent", "00-" + TRACE + "-" + SPAN + "-00")
                .header("X-Request-Id", "traced-socket").send().assertBody(TRACE + "|" + SPAN);
        LogLine line = logs.await(l -> "traced-socket".equals(l.keyValue("requestId")));
        assertEquals(TRACE, line.keyValue("traceId"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "00-00000000000000000000000000000000-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
        "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        "00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331",
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-extra",
        "garbage",
    })
    void malformedTraceparentIsIgnored(String header) {
        client.get("/trace").header("traceparent", header).send().assertStatus(200).assertBody("null|null");
        LogLine line = logs.lines().getFirst();
        assertNull(line.keyValue("traceId"));
        assertNull(line.keyValue("spanId"));
    }
}
