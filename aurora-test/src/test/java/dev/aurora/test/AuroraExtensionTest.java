package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Cookie;
import dev.aurora.ServerConfig;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs small test classes (the nested fixtures, which surefire itself skips) through the JUnit
 * engine and checks what {@link AuroraExtension} did for them: which application each test got,
 * how long it lived, which mode each client used, and the failure messages for misuse.
 */
class AuroraExtensionTest {

    private static EngineExecutionResults run(Class<?> fixture, boolean parallel) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute();
    }

    private static EngineExecutionResults runAllPassing(Class<?> fixture, int tests) {
        EngineExecutionResults results = run(fixture, false);
        assertEquals(List.of(), failures(results));
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
        return results;
    }

    private static List<String> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(Event::getPayload)
                .flatMap(p -> p.stream())
                .map(p -> ((TestExecutionResult) p).getThrowable().map(Throwable::getMessage).orElse("?"))
                .toList();
    }

    /** Whether {@code app} is listening (shared with other tests of the extension). */
    static boolean running(Aurora app) {
        try {
            app.port();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Greets, and sets or reads a cookie: enough to tell apps and cookie jars apart. */
    static Aurora greetingApp() {
        return Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"))
                .get("/hi", ctx -> ctx.send("hi"))
                .get("/login", ctx -> ctx.cookie(Cookie.of("user", ctx.query("name"))).send("ok"))
                .get("/me", ctx -> ctx.send(String.valueOf(ctx.cookie("user"))));
    }

    // ---- static @TestApp method: one application per class ----

    @AuroraTest
    static class StaticFactory {
        static final AtomicInteger CALLS = new AtomicInteger();
        static final Queue<Aurora> APPS = new ConcurrentLinkedQueue<>();
        static final Queue<AuroraTestClient> CLIENTS = new ConcurrentLinkedQueue<>();

        @TestApp
        static Aurora app() {
            CALLS.incrementAndGet();
            return greetingApp();
        }

        @Test
        void first(AuroraTestClient client, Aurora app) {
            APPS.add(app);
            CLIENTS.add(client);
            client.get("/login").query("name", "ada").send().assertStatus(200);
            client.get("/me").send().assertBody("ada");
            assertFalse(running(app), "in-process mode must not start a server");
        }

        @Test
        void second(AuroraTestClient client, Aurora app) {
            APPS.add(app);
            CLIENTS.add(client);
            client.get("/me").send().assertBody("null"); // no cookie from first()
        }
    }

    @Test
    void staticFactoryIsCalledOnceAndEveryTestGetsItsOwnClient() {
        runAllPassing(StaticFactory.class, 2);

        assertEquals(1, StaticFactory.CALLS.get());
        assertEquals(1, Set.copyOf(StaticFactory.APPS.stream().map(System::identityHashCode).toList()).size());
        List<AuroraTestClient> clients = List.copyOf(StaticFactory.CLIENTS);
        assertEquals(2, clients.size());
        assertNotSame(clients.get(0), clients.get(1));
    }

    // ---- instance field: one application per test ----

    @ExtendWith(AuroraExtension.class)
    static class InstanceField {
        static final Queue<Aurora> APPS = new ConcurrentLinkedQueue<>();

        @TestApp
        final Aurora app = greetingApp();

        @RepeatedTest(3)
        void eachTestHasItsOwnApplication(AuroraTestClient client, Aurora injected) {
            assertSame(app, injected);
            APPS.add(injected);
            client.get("/hi").send().assertStatus(200).assertBody("hi");
        }
    }

    @Test
    void instanceFieldGivesOneApplicationPerTest() {
        runAllPassing(InstanceField.class, 3);

        assertEquals(3, Set.copyOf(InstanceField.APPS.stream().map(System::identityHashCode).toList()).size());
    }

    // ---- PER_CLASS lifecycle: an instance method is called once ----

    @AuroraTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassInstance {
        static final AtomicInteger CALLS = new AtomicInteger();

        @TestApp
        Aurora app() {
            CALLS.incrementAndGet();
            return greetingApp();
        }

        @Test
        void one(AuroraTestClient client) {
            client.get("/hi").send().assertStatus(200);
        }

        @Test
        void two(AuroraTestClient client) {
            client.get("/hi").send().assertStatus(200);
        }
    }

    @Test
    void perClassLifecycleBuildsTheApplicationOnce() {
        runAllPassing(PerClassInstance.class, 2);

        assertEquals(1, PerClassInstance.CALLS.get());
    }

    // ---- server mode: a real server on a random port, stopped at the end of its scope ----

    @AuroraTest(server = true)
    static class ServerMode {
        static final Queue<Aurora> APPS = new ConcurrentLinkedQueue<>();
        static final Queue<Integer> PORTS = new ConcurrentLinkedQueue<>();

        @TestApp
        static Aurora app() {
            return greetingApp().get("/remote", ctx -> ctx.send(String.valueOf(ctx.remoteAddress().getPort())));
        }

        @Test
        void clientTalksToARealSocket(AuroraTestClient client, Aurora app) {
            APPS.add(app);
            PORTS.add(app.port());
            assertTrue(app.port() > 0);
            // In-process connections report port 0; a real socket has the client's ephemeral port.
            int clientPort = Integer.parseInt(client.get("/remote").send().assertStatus(200).bodyString());
            assertTrue(clientPort > 0, "remote port " + clientPort);
        }

        @Test
        void anInjectedApplicationIsAlreadyListening(Aurora app) {
            APPS.add(app);
            PORTS.add(app.port());
        }

        @Test
        void secondTestReusesTheServer(AuroraTestClient client, Aurora app) {
            APPS.add(app);
            PORTS.add(app.port());
            client.get("/hi").send().assertBody("hi");
        }
    }

    @Test
    void serverModeStartsOneServerPerScopeAndStopsIt() {
        runAllPassing(ServerMode.class, 3);

        assertEquals(1, Set.copyOf(ServerMode.PORTS).size(), "one port for the class: " + ServerMode.PORTS);
        Aurora app = ServerMode.APPS.peek();
        assertFalse(running(app), "the extension started the server, so it must stop it");
    }

    // ---- method-level @AuroraTest overrides the class ----

    @AuroraTest
    static class MethodOverride {
        static final Map<String, Boolean> RAN_ON_SOCKET = new ConcurrentHashMap<>();

        @TestApp
        final Aurora app = greetingApp().get("/remote", ctx -> ctx.send(String.valueOf(ctx.remoteAddress().getPort())));

        @Test
        void inProcess(AuroraTestClient client) {
            RAN_ON_SOCKET.put("inProcess", !client.get("/remote").send().bodyString().equals("0"));
        }

        @Test
        @AuroraTest(server = true)
        void overSocket(AuroraTestClient client) {
            RAN_ON_SOCKET.put("overSocket", !client.get("/remote").send().bodyString().equals("0"));
        }
    }

    @Test
    void methodAnnotationOverridesTheClassMode() {
        runAllPassing(MethodOverride.class, 2);

        assertEquals(Map.of("inProcess", false, "overSocket", true), MethodOverride.RAN_ON_SOCKET);
    }

    // ---- a field the test started itself is left running ----

    @AuroraTest(server = true)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class UserStartedField {
        static final Queue<Aurora> APPS = new ConcurrentLinkedQueue<>();

        @TestApp
        final Aurora app = greetingApp().start(0);

        @Test
        void usesTheRunningServer(AuroraTestClient client, Aurora injected) {
            APPS.add(injected);
            client.get("/hi").send().assertBody("hi");
        }
    }

    @Test
    void anApplicationTheTestStartedIsNotStoppedByTheExtension() {
        runAllPassing(UserStartedField.class, 1);

        Aurora app = UserStartedField.APPS.peek();
        try {
            assertTrue(running(app));
        } finally {
            app.stop();
        }
    }

    // ---- lifecycle methods and nested classes ----

    @AuroraTest
    static class LifecycleInjection {
        static final Queue<Boolean> SAME_CLIENT = new ConcurrentLinkedQueue<>();
        static final Queue<Aurora> APPS = new ConcurrentLinkedQueue<>();
        private AuroraTestClient fromBeforeEach;

        @TestApp
        static Aurora app() {
            return greetingApp();
        }

        @BeforeAll
        static void warmUp(Aurora app) {
            APPS.add(app);
        }

        @BeforeEach
        void logIn(AuroraTestClient client) {
            fromBeforeEach = client;
            client.get("/login").query("name", "grace").send().assertStatus(200);
        }

        @Test
        void cookieFromBeforeEachIsSent(AuroraTestClient client, Aurora app) {
            APPS.add(app);
            SAME_CLIENT.add(client == fromBeforeEach);
            client.get("/me").send().assertBody("grace");
        }

        @Nested
        class Inner {
            @Test
            void nestedTestsUseTheOuterApplication(AuroraTestClient client, Aurora app) {
                APPS.add(app);
                client.get("/me").send().assertBody("grace"); // outer @BeforeEach ran with this client
            }
        }
    }

    @Test
    void lifecycleMethodsAndNestedClassesShareTheScope() {
        runAllPassing(LifecycleInjection.class, 2);

        assertEquals(List.of(true), List.copyOf(LifecycleInjection.SAME_CLIENT));
        assertEquals(1, Set.copyOf(LifecycleInjection.APPS.stream().map(System::identityHashCode).toList()).size());
    }

    // ---- parallel execution ----

    @AuroraTest(server = true)
    @Execution(ExecutionMode.CONCURRENT)
    static class Parallel {
        static final AtomicInteger CALLS = new AtomicInteger();
        static final Queue<Integer> PORTS = new ConcurrentLinkedQueue<>();
        static final CountDownLatch ALL_RUNNING = new CountDownLatch(4);
        static final Queue<Boolean> OVERLAPPED = new ConcurrentLinkedQueue<>();

        @TestApp
        static Aurora app() {
            CALLS.incrementAndGet();
            return greetingApp();
        }

        private static void check(AuroraTestClient client, Aurora app, String name) throws InterruptedException {
            PORTS.add(app.port());
            ALL_RUNNING.countDown();
            // All four wait here together, so they really do overlap.
            OVERLAPPED.add(ALL_RUNNING.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 20; i++) {
                client.get("/login").query("name", name + i).send().assertStatus(200);
                client.get("/me").send().assertBody(name + i);
            }
        }

        @Test
        void a(AuroraTestClient client, Aurora app) throws InterruptedException {
            check(client, app, "a");
        }

        @Test
        void b(AuroraTestClient client, Aurora app) throws InterruptedException {
            check(client, app, "b");
        }

        @Test
        void c(AuroraTestClient client, Aurora app) throws InterruptedException {
            check(client, app, "c");
        }

        @Test
        void d(AuroraTestClient client, Aurora app) throws InterruptedException {
            check(client, app, "d");
        }
    }

    @Test
    void parallelTestsShareOneServerButNeverACookieJar() {
        EngineExecutionResults results = run(Parallel.class, true);

        assertEquals(List.of(), failures(results));
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(4));
        assertEquals(1, Parallel.CALLS.get());
        assertEquals(List.of(true, true, true, true), List.copyOf(Parallel.OVERLAPPED));
        assertEquals(1, Set.copyOf(Parallel.PORTS).size());
    }

    // ---- test bodies on virtual threads ----

    @AuroraTest(virtualThread = true)
    static class VirtualBodies {
        static final Map<String, Boolean> VIRTUAL = new ConcurrentHashMap<>();

        @TestApp
        static Aurora app() {
            return greetingApp().get("/thread", ctx -> ctx.send(Thread.currentThread().isVirtual() + " "
                    + Thread.currentThread().getName()));
        }

        @Test
        void bodyRunsOnAVirtualThread(AuroraTestClient client) {
            VIRTUAL.put("body", Thread.currentThread().isVirtual());
            // served on the caller's own virtual thread: the handler sees the test's thread
            client.get("/thread").send().assertBody("true " + Thread.currentThread().getName());
        }

        @Test
        void failuresStillFailTheTest() {
            throw new AssertionError("reported from the virtual thread");
        }

        @Test
        @AuroraTest(virtualThread = false)
        void methodCanOptOut(AuroraTestClient client) {
            VIRTUAL.put("optedOut", Thread.currentThread().isVirtual());
            client.get("/thread").send().assertStatus(200);
        }
    }

    @Test
    void virtualThreadRunsTestBodiesOnVirtualThreadsAndReportsTheirFailures() {
        EngineExecutionResults results = run(VirtualBodies.class, false);

        assertEquals(List.of("reported from the virtual thread"), failures(results));
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        assertEquals(Map.of("body", true, "optedOut", false), VirtualBodies.VIRTUAL);
    }

    // ---- misuse gets a message that says what to do ----

    @AuroraTest
    static class NoApp {
        @Test
        void needsAClient(AuroraTestClient client) {
            client.get("/").send();
        }
    }

    @AuroraTest
    static class TwoApps {
        @TestApp
        static Aurora one() {
            return greetingApp();
        }

        @TestApp
        static Aurora two() {
            return greetingApp();
        }

        @Test
        void needsAClient(AuroraTestClient client) {
            client.get("/").send();
        }
    }

    @AuroraTest
    static class WrongType {
        @TestApp
        static final String APP = "not an app";

        @Test
        void needsAClient(AuroraTestClient client) {
            client.get("/").send();
        }
    }

    @AuroraTest
    static class MethodWithParameters {
        @TestApp
        static Aurora app(ServerConfig config) {
            return Aurora.create(config);
        }

        @Test
        void needsAClient(AuroraTestClient client) {
            client.get("/").send();
        }
    }

    @AuroraTest
    static class InstanceAppInBeforeAll {
        @TestApp
        final Aurora app = greetingApp();

        @BeforeAll
        static void tooEarly(AuroraTestClient client) {
            client.get("/").send();
        }

        @Test
        void never() {
        }
    }

    @AuroraTest
    static class FailingFactory {
        @TestApp
        static Aurora app() {
            throw new IllegalStateException("database is down");
        }

        @Test
        void needsAClient(AuroraTestClient client) {
            client.get("/").send();
        }
    }

    @AuroraTest
    static class NullField {
        @TestApp
        static Aurora app;

        @Test
        void needsAClient(AuroraTestClient client) {
            client.get("/").send();
        }
    }

    @Test
    void misuseFailsWithAMessageThatSaysWhatIsWrong() {
        assertFailure(NoApp.class, "No @TestApp field or method in " + NoApp.class.getName());
        assertFailure(TwoApps.class, "Found 2 @TestApp members in " + TwoApps.class.getName());
        assertFailure(WrongType.class, "@TestApp field WrongType.APP must be of type Aurora");
        assertFailure(MethodWithParameters.class, "@TestApp method MethodWithParameters.app() must take no parameters");
        assertFailure(InstanceAppInBeforeAll.class, "make it static");
        assertFailure(FailingFactory.class, "@TestApp FailingFactory.app() failed: java.lang.IllegalStateException: database is down");
        assertFailure(NullField.class, "@TestApp NullField.app is null");
    }

    private static void assertFailure(Class<?> fixture, String expected) {
        List<String> failures = failures(run(fixture, false));
        assertEquals(1, failures.size(), fixture.getSimpleName() + ": " + failures);
        assertTrue(failures.get(0).contains(expected), fixture.getSimpleName() + ": " + failures.get(0));
    }
}
