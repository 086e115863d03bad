package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerConfigTest {
    private static final Tls TLS = Tls.pem(java.nio.file.Path.of("cert.pem"), java.nio.file.Path.of("key.pem"));

    private static final ServerConfig D = ServerConfig.defaults();
    private Aurora app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void defaultsHaveTheDocumentedValues() {
        assertEquals("0.0.0.0", D.host());
        assertEquals(8080, D.port());
        assertEquals(1, D.acceptorThreads());
        assertEquals(1024, D.backlog());
        assertEquals(10_000, D.maxConnections());
        assertEquals(8192, D.maxRequestLineLength());
        assertEquals(16_384, D.maxHeaderSize());
        assertEquals(100, D.maxHeaderCount());
        assertEquals(10L * 1024 * 1024, D.maxBodySize());
        assertEquals(64L * 1024, D.maxDrainSize());
        assertEquals(0, D.maxRequestsPerConnection());
        assertEquals(Duration.ofSeconds(10), D.headerTimeout());
        assertEquals(Duration.ofSeconds(30), D.bodyReadTimeout());
        assertEquals(Duration.ofSeconds(30), D.keepAliveTimeout());
        assertEquals(Duration.ofSeconds(30), D.writeTimeout());
        assertEquals(Duration.ofSeconds(10), D.shutdownTimeout());
        assertEquals(Duration.ZERO, D.drainDelay());
        assertEquals(Duration.ofSeconds(10), D.firstRequestTimeout());
        assertEquals(240, D.minBodyRate());
        assertEquals(Duration.ofSeconds(5), D.bodyRateGrace());
        assertEquals(0, D.maxConcurrentRequests());
        assertEquals(0, D.maxQueuedRequests());
        assertEquals(Duration.ofSeconds(1), D.requestQueueTimeout());
        assertEquals(TargetCharacters.LENIENT, D.targetCharacters());
        assertEquals(D, Aurora.create().config());
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                invalid("host", c -> c.withHost(" ")),
                invalid("host", c -> c.withHost("")),
                invalid("port", c -> c.withPort(70000)),
                invalid("port", c -> c.withPort(-1)),
                invalid("acceptorThreads", c -> c.withAcceptorThreads(0)),
                invalid("backlog", c -> c.withBacklog(0)),
                invalid("maxConnections", c -> c.withMaxConnections(0)),
                invalid("maxConnections", c -> c.withMaxConnections(-5)),
                invalid("maxRequestLineLength", c -> c.withMaxRequestLineLength(10)),
                invalid("maxHeaderSize", c -> c.withMaxHeaderSize(0)),
                invalid("maxHeaderCount", c -> c.withMaxHeaderCount(0)),
                invalid("maxBodySize", c -> c.withMaxBodySize(-1)),
                invalid("maxDrainSize", c -> c.withMaxDrainSize(-1)),
                invalid("maxRequestsPerConnection", c -> c.withMaxRequestsPerConnection(-1)),
                invalid("headerTimeout", c -> c.withHeaderTimeout(Duration.ZERO)),
                invalid("headerTimeout", c -> c.withHeaderTimeout(Duration.ofMillis(-1))),
                invalid("bodyReadTimeout", c -> c.withBodyReadTimeout(Duration.ofSeconds(-3))),
                invalid("keepAliveTimeout", c -> c.withKeepAliveTimeout(Duration.ZERO)),
                invalid("keepAliveTimeout", c -> c.withKeepAliveTimeout(Duration.ofNanos(999_999))),
                invalid("writeTimeout", c -> c.withWriteTimeout(Duration.ofNanos(-1))),
                invalid("writeTimeout", c -> c.withWriteTimeout(Duration.ofDays(365))),
                invalid("shutdownTimeout", c -> c.withShutdownTimeout(Duration.ZERO)),
                invalid("drainDelay", c -> c.withDrainDelay(Duration.ofMillis(-1))),
                invalid("drainDelay", c -> c.withDrainDelay(Duration.ofDays(365))),
                invalid("httpsPort", c -> c.withTls(TLS).withHttpsPort(65_536)),
                invalid("httpsPort", c -> c.withHttpsPort(8443)),
                invalid("httpsPort", c -> c.withTls(TLS).withPort(8443).withHttpsPort(8443)),
                invalid("firstRequestTimeout", c -> c.withFirstRequestTimeout(Duration.ZERO)),
                invalid("minBodyRate", c -> c.withMinBodyRate(-1)),
                invalid("bodyRateGrace", c -> c.withBodyRateGrace(Duration.ofMillis(-5))),
                invalid("maxConcurrentRequests", c -> c.withMaxConcurrentRequests(-1)),
                invalid("maxQueuedRequests", c -> c.withMaxQueuedRequests(-1)),
                invalid("requestQueueTimeout", c -> c.withRequestQueueTimeout(Duration.ZERO)));
    }

    private static Arguments invalid(String field, UnaryOperator<ServerConfig> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "invalid {0}")
    @MethodSource("invalidValues")
    void invalidValueFailsWithAMessageNamingTheField(String field, UnaryOperator<ServerConfig> change) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> change.apply(D));
        assertTrue(e.getMessage().contains(field), () -> "message does not name " + field + ": " + e.getMessage());
    }

    @Test
    void nullValuesFailWithTheFieldName() {
        assertEquals("host", assertThrows(NullPointerException.class, () -> D.withHost(null)).getMessage());
        assertEquals("headerTimeout",
                assertThrows(NullPointerException.class, () -> D.withHeaderTimeout(null)).getMessage());
        assertEquals("shutdownTimeout",
                assertThrows(NullPointerException.class, () -> D.withShutdownTimeout(null)).getMessage());
        assertEquals("targetCharacters",
                assertThrows(NullPointerException.class, () -> D.withTargetCharacters(null)).getMessage());
    }

    @Test
    void boundaryValuesAreAccepted() {
        ServerConfig c = D.withPort(0).withPort(65535).withMaxBodySize(0).withMaxDrainSize(0)
                .withMaxRequestsPerConnection(0).withHeaderTimeout(Duration.ofMillis(1)).withMaxConnections(1);
        assertEquals(65535, c.port());
        assertEquals(0, c.maxBodySize());
    }

    static Stream<Arguments> withers() {
        return Stream.of(
                Arguments.of("host", (UnaryOperator<ServerConfig>) c -> c.withHost("127.0.0.1")),
                Arguments.of("port", (UnaryOperator<ServerConfig>) c -> c.withPort(9090)),
                Arguments.of("acceptorThreads", (UnaryOperator<ServerConfig>) c -> c.withAcceptorThreads(2)),
                Arguments.of("backlog", (UnaryOperator<ServerConfig>) c -> c.withBacklog(50)),
                Arguments.of("maxConnections", (UnaryOperator<ServerConfig>) c -> c.withMaxConnections(7)),
                Arguments.of("maxRequestLineLength", (UnaryOperator<ServerConfig>) c -> c.withMaxRequestLineLength(100)),
                Arguments.of("maxHeaderSize", (UnaryOperator<ServerConfig>) c -> c.withMaxHeaderSize(300)),
                Arguments.of("maxHeaderCount", (UnaryOperator<ServerConfig>) c -> c.withMaxHeaderCount(5)),
                Arguments.of("maxBodySize", (UnaryOperator<ServerConfig>) c -> c.withMaxBodySize(5)),
                Arguments.of("maxDrainSize", (UnaryOperator<ServerConfig>) c -> c.withMaxDrainSize(5)),
                Arguments.of("maxRequestsPerConnection", (UnaryOperator<ServerConfig>) c -> c.withMaxRequestsPerConnection(5)),
                Arguments.of("maxConcurrentRequests", (UnaryOperator<ServerConfig>) c -> c.withMaxConcurrentRequests(64)),
                Arguments.of("maxQueuedRequests", (UnaryOperator<ServerConfig>) c -> c.withMaxQueuedRequests(16)),
                Arguments.of("requestQueueTimeout", (UnaryOperator<ServerConfig>) c -> c.withRequestQueueTimeout(Duration.ofMillis(250))),
                Arguments.of("firstRequestTimeout", (UnaryOperator<ServerConfig>) c -> c.withFirstRequestTimeout(Duration.ofSeconds(2))),
                Arguments.of("headerTimeout", (UnaryOperator<ServerConfig>) c -> c.withHeaderTimeout(Duration.ofSeconds(1))),
                Arguments.of("bodyReadTimeout", (UnaryOperator<ServerConfig>) c -> c.withBodyReadTimeout(Duration.ofSeconds(1))),
                Arguments.of("minBodyRate", (UnaryOperator<ServerConfig>) c -> c.withMinBodyRate(0)),
                Arguments.of("bodyRateGrace", (UnaryOperator<ServerConfig>) c -> c.withBodyRateGrace(Duration.ofSeconds(1))),
                Arguments.of("keepAliveTimeout", (UnaryOperator<ServerConfig>) c -> c.withKeepAliveTimeout(Duration.ofSeconds(1))),
                Arguments.of("writeTimeout", (UnaryOperator<ServerConfig>) c -> c.withWriteTimeout(Duration.ofSeconds(1))),
                Arguments.of("trailingSlash", (UnaryOperator<ServerConfig>) c -> c.withTrailingSlash(TrailingSlash.STRICT)),
                Arguments.of("targetCharacters", (UnaryOperator<ServerConfig>) c -> c.withTargetCharacters(TargetCharacters.STRICT)),
                Arguments.of("shutdownTimeout", (UnaryOperator<ServerConfig>) c -> c.withShutdownTimeout(Duration.ofSeconds(1))),
                Arguments.of("drainDelay", (UnaryOperator<ServerConfig>) c -> c.withDrainDelay(Duration.ofSeconds(5))),
                Arguments.of("tls", (UnaryOperator<ServerConfig>) c -> c.withTls(TLS)),
                Arguments.of("httpsPort", (UnaryOperator<ServerConfig>) c -> c.withHttpsPort(8443)));
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("withers")
    void withCopyChangesOnlyThatField(String field, UnaryOperator<ServerConfig> change) throws Exception {
        // An HTTPS port only exists beside TLS.
        ServerConfig base = field.equals("httpsPort") ? D.withTls(TLS) : D;
        ServerConfig copy = change.apply(base);
        assertNotSame(base, copy);
        for (RecordComponent component : ServerConfig.class.getRecordComponents()) {
            Method accessor = component.getAccessor();
            Object before = accessor.invoke(base);
            Object after = accessor.invoke(copy);
            if (component.getName().equals(field)) {
                assertNotEquals(before, after, field + " was not changed");
            } else {
                assertEquals(before, after, component.getName() + " changed by with" + field);
            }
        }
        assertEquals(D, ServerConfig.defaults(), "defaults are immutable");
    }

    @Test
    void everyFieldHasAWither() {
        assertEquals(ServerConfig.class.getRecordComponents().length, withers().count());
    }

    // ---- Aurora lifecycle ----

    private static ServerConfig local() {
        return D.withHost("127.0.0.1");
    }

    @Test
    void startZeroBindsAnEphemeralPort() {
        app = Aurora.create(local()).get("/", ctx -> ctx.send("x")).start(0);
        assertTrue(app.port() > 0 && app.port() <= 65535, "port " + app.port());
    }

    @Test
    void portBeforeStartThrows() {
        Aurora a = Aurora.create(local());
        assertThrows(IllegalStateException.class, a::port);
    }

    @Test
    void startTwiceThrows() {
        app = Aurora.create(local()).start(0);
        assertThrows(IllegalStateException.class, () -> app.start(0));
    }

    @Test
    void startAfterStopThrows() {
        app = Aurora.create(local()).start(0);
        app.stop();
        assertThrows(IllegalStateException.class, () -> app.start(0));
    }

    @Test
    void invalidPortArgumentFails() {
        Aurora a = Aurora.create(local());
        assertThrows(IllegalArgumentException.class, () -> a.start(-1));
        assertThrows(IllegalArgumentException.class, () -> a.start(70000));
    }

    @Test
    void routesAfterStartThrow() {
        app = Aurora.create(local()).start(0);
        assertThrows(IllegalStateException.class, () -> app.get("/late", ctx -> ctx.send("late")));
        assertThrows(IllegalStateException.class, () -> app.route("PROPFIND", "/late", ctx -> { }));
    }

    @Test
    void duplicateRouteNamesBothRegistrationSites() {
        Aurora a = Aurora.create(local());
        int firstLine = here(); a.get("/dup", ctx -> ctx.send("first"));
        int secondLine = here(); a.get("/dup", ctx -> ctx.send("second"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> a.start(0));
        String message = e.getMessage();
        assertTrue(message.contains("ServerConfigTest.java:" + firstLine), () -> "first site missing: " + message);
        assertTrue(message.contains("ServerConfigTest.java:" + secondLine), () -> "second site missing: " + message);
        assertTrue(message.contains("GET") && message.contains("/dup"), message);
    }

    @Test
    void onlyTheSameMethodTwiceOnOnePathConflicts() {
        Aurora a = Aurora.create(local());
        a.get("/a", ctx -> { }).get("/b", ctx -> { }).post("/a", ctx -> { }).route("PROPFIND", "/a", ctx -> { });
        a.route("POST", "/a", ctx -> { });
        assertThrows(IllegalStateException.class, () -> a.start(0));
    }

    @Test
    void invalidRoutesAreRefused() {
        Aurora a = Aurora.create(local());
        assertThrows(IllegalArgumentException.class, () -> a.get("no-slash", ctx -> { }));
        assertThrows(IllegalArgumentException.class, () -> a.route("BAD METHOD", "/x", ctx -> { }));
        assertThrows(NullPointerException.class, () -> a.get("/x", null));
    }

    /** The line number of the caller. */
    private static int here() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }
}
