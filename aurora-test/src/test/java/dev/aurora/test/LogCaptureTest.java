package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

class LogCaptureTest {
    private static final String NAME = "dev.aurora.test.capture";
    private static final Logger LOG = LoggerFactory.getLogger(NAME + ".child");
    /** Logs through the root logger's appenders (the capture logger above does not). */
    private static final Logger ROOT_CHILD = LoggerFactory.getLogger("dev.aurora.test.injected");

    @Test
    void capturesWhatAHandlerLogsOnTheServerThread() {
        Aurora app = Aurora.create().post("/orders", ctx -> {
            MDC.put("order", "42");
            try {
                LOG.info("order {} shipped", 42);
            } finally {
                MDC.remove("order");
            }
            ctx.status(202).send("");
        });
        try (LogCapture logs = LogCapture.attach(NAME, Level.INFO)) {
            AuroraTestClient.of(app).post("/orders").send().assertStatus(202);

            LogLine line = logs.await(l -> l.message().equals("order 42 shipped"));

            assertEquals(Level.INFO, line.level());
            assertEquals(NAME + ".child", line.logger());
            assertEquals(Map.of("order", "42"), line.mdc());
            assertTrue(line.thread().startsWith("aurora-"), line.thread());
            assertNull(line.throwable());
        }
    }

    @Test
    void levelIsLoweredWhileAttachedAndRestoredAfter() {
        // logback-test.xml sets WARN on the root
        try (LogCapture logs = LogCapture.attach(NAME, Level.DEBUG)) {
            LOG.debug("visible");
            assertEquals(List.of("visible"), logs.lines().stream().map(LogLine::message).toList());
        }
        assertFalse(LOG.isDebugEnabled());
        assertFalse(LOG.isInfoEnabled());
    }

    @Test
    void keepsConfiguredLevelsWithoutALevel() {
        try (LogCapture logs = LogCapture.attach(NAME, null)) {
            LOG.info("below WARN");
            LOG.warn("kept", new IllegalArgumentException("bad"));

            assertEquals(List.of("kept"), logs.lines().stream().map(LogLine::message).toList());
            assertEquals("java.lang.IllegalArgumentException: bad", logs.lines().get(0).throwable());
        }
    }

    @Test
    void stopsCapturingWhenClosed() {
        LogCapture logs = LogCapture.attach(NAME, Level.INFO);
        LOG.info("before");
        logs.close();
        logs.close(); // idempotent
        LOG.warn("after");

        assertEquals(List.of("before"), logs.lines().stream().map(LogLine::message).toList());
    }

    @Test
    void keepsOnlyTheNewestEvents() {
        try (LogCapture logs = LogCapture.attach(NAME, Level.INFO)) {
            for (int i = 0; i < LogCapture.CAPACITY + 5; i++) {
                LOG.info("line {}", i);
            }

            List<LogLine> lines = logs.lines();
            assertEquals(LogCapture.CAPACITY, lines.size());
            assertEquals("line 5", lines.get(0).message());
            assertEquals(5, logs.dropped());
            logs.clear();
            assertEquals(List.of(), logs.lines());
        }
    }

    @Test
    void awaitTimeoutNamesTheLoggerLevelAndWhatWasCaptured() {
        try (LogCapture logs = LogCapture.attach(NAME, null)) {
            LOG.warn("something else");

            AssertionError error = assertThrows(AssertionError.class,
                    () -> logs.await(Duration.ofMillis(100), l -> l.message().equals("never")));

            assertTrue(error.getMessage().contains("a log line of '" + NAME + "' (level WARN and above)"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("WARN " + NAME + ".child - something else"), error.getMessage());
        }
    }

    /** Run through the engine by {@link #extensionInjectsACaptureAndDetachesItAfterTheTest}. */
    @AuroraTest
    static class InjectedCapture {
        static final Queue<LogCapture> CAPTURES = new ConcurrentLinkedQueue<>();

        @TestApp
        static Aurora app() {
            return Aurora.create().get("/fail", ctx -> {
                ROOT_CHILD.warn("handler saw {}", ctx.path());
                ctx.send("logged");
            });
        }

        @org.junit.jupiter.api.Test
        void seesTheHandlersWarning(AuroraTestClient client, LogCapture logs) {
            CAPTURES.add(logs);
            client.get("/fail").send().assertBody("logged");
            logs.await(l -> l.message().equals("handler saw /fail"));
        }
    }

    @Test
    void extensionInjectsACaptureAndDetachesItAfterTheTest() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(InjectedCapture.class)).execute()
                .testEvents().assertStatistics(s -> s.started(1).succeeded(1));

        LogCapture capture = InjectedCapture.CAPTURES.peek();
        int before = capture.lines().size();
        ROOT_CHILD.warn("after the test");
        assertEquals(before, capture.lines().size());
    }
}
