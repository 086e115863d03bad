package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.aurora.Aurora;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.jupiter.api.Test;

/**
 * Runs fixtures (static nested classes, which surefire skips) through the JUnit engine and checks
 * that {@link BothTransports} runs a method once in-process and once over a socket.
 */
class BothTransportsTest {
    private static final Queue<String> SEEN = new ConcurrentLinkedQueue<>();

    private static EngineExecutionResults run(Class<?> fixture) {
        SEEN.clear();
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
        List<String> failures = results.allEvents().failed().stream()
                .flatMap(e -> e.getPayload().stream())
                .map(p -> ((TestExecutionResult) p).getThrowable().map(Throwable::toString).orElse("?"))
                .toList();
        assertEquals(List.of(), failures);
        return results;
    }

    private static List<String> displayNames(EngineExecutionResults results) {
        return results.testEvents().started().stream().map(Event::getTestDescriptor)
                .map(d -> d.getDisplayName()).toList();
    }

    @Test
    void runsOnceInProcessThenOnceOverASocketWithTheModeInTheName() {
        EngineExecutionResults results = run(Twice.class);
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertEquals(List.of("[in-process]", "[socket]"), displayNames(results));
        assertEquals(List.of("in-process hi", "socket hi"), List.copyOf(SEEN));
    }

    @Test
    void eachRunSeesTheApplicationOfItsMode() {
        run(AppParameter.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertEquals(List.of("in-process not running", "socket running"), List.copyOf(SEEN));
    }

    @Test
    void overridesTheClassServerModeAndNeedsNoAuroraTestOnTheClass() {
        run(ServerClass.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertEquals(List.of("in-process", "socket"), List.copyOf(SEEN));
        run(NoClassAnnotation.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertEquals(List.of("in-process", "socket"), List.copyOf(SEEN));
    }

    @Test
    void aFailureInOneRunIsReportedForThatRunOnly() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(FailsOverASocket.class)).execute();
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        assertEquals(List.of("[socket]"), results.testEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList());
    }

    private static String mode(AuroraTestClient client) {
        return client.overSocket() ? "socket" : "in-process";
    }

    @AuroraTest
    static class Twice {
        @TestApp
        static Aurora app() {
            return Aurora.create().get("/hi", ctx -> ctx.send("hi"));
        }

        @BothTransports
        void saysHi(AuroraTestClient client) {
            SEEN.add(mode(client) + " " + client.get("/hi").send().assertStatus(200).bodyString());
        }
    }

    @AuroraTest
    static class AppParameter {
        @TestApp
        Aurora app = Aurora.create().get("/", ctx -> ctx.send("ok"));

        @BothTransports
        void app(Aurora app, AuroraTestClient client) {
            SEEN.add(mode(client) + (AuroraExtensionTest.running(app) ? " running" : " not running"));
            client.get("/").send().assertBody("ok");
        }
    }

    @AuroraTest(server = true)
    static class ServerClass {
        @TestApp
        static final Aurora APP = Aurora.create().get("/", ctx -> ctx.send("ok"));

        @BothTransports
        void mode(AuroraTestClient client) {
            SEEN.add(BothTransportsTest.mode(client));
        }
    }

    static class NoClassAnnotation {
        @TestApp
        Aurora app = Aurora.create().get("/", ctx -> ctx.send("ok"));

        @BothTransports
        void mode(AuroraTestClient client) {
            SEEN.add(BothTransportsTest.mode(client));
            client.get("/").send().assertStatus(200);
        }
    }

    @AuroraTest
    static class FailsOverASocket {
        @TestApp
        Aurora app = Aurora.create().get("/", ctx -> ctx.send("ok"));

        @BothTransports
        void inProcessOnly(AuroraTestClient client) {
            assertEquals(false, client.overSocket());
        }
    }
}
