package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.aurora.Aurora;
import dev.aurora.health.Health;
import dev.aurora.health.HealthCheck;
import dev.aurora.health.HealthConfig;
import dev.aurora.health.Probe;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The liveness and readiness endpoints: opt-in, JSON bodies, status codes, paths, HEAD. */
class HealthEndpointsTest {
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    /** Sends GET {@code path}, asserts {@code status} and {@code no-store}, and returns the parsed body. */
    private Map<String, Object> probe(String path, int status) {
        TestResponse response = client.get(path).send().assertStatus(status)
                .assertHeader("Cache-Control", "no-store")
                .assertHeader("Content-Type", "application/json");
        return response.json(JSON_OBJECT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> check(Map<String, Object> body, String name) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("checks")).get(name);
    }

    @Test
    void endpointsAreOffByDefault() {
        app.get("/", ctx -> ctx.send("home"));
        client.get("/health/live").send().assertStatus(404);
        client.get("/health/ready").send().assertStatus(404);
    }

    @Test
    void withoutChecksBothEndpointsAreUp() {
        app.health();
        assertEquals(Map.of("status", "UP", "checks", Map.of()), probe("/health/live", 200));
        assertEquals(Map.of("status", "UP", "checks", Map.of()), probe("/health/ready", 200));
    }

    @Test
    void eachCheckReportsStatusDurationAndDetails() {
        app.health()
                .healthCheck("db", () -> Health.up(Map.of("pool", "4/8")))
                .healthCheck("cache", Health::up);

        Map<String, Object> body = probe("/health/ready", 200);
        assertEquals("UP", body.get("status"));
        Map<String, Object> db = check(body, "db");
        assertEquals("UP", db.get("status"));
        assertEquals(Map.of("pool", "4/8"), db.get("details"));
        assertTrue(((Number) db.get("durationMs")).doubleValue() >= 0, db::toString);
        assertEquals("UP", check(body, "cache").get("status"));
    }

    @Test
    void aThrowingCheckIsDownWithItsErrorAndTheEndpointAnswers503() {
        app.health()
                .healthCheck("db", () -> {
                    throw new IllegalStateException("connection refused");
                })
                .healthCheck("queue", () -> Health.down("backlog too long", Map.of("depth", 12_000)))
                .healthCheck("cache", Health::up);

        Map<String, Object> body = probe("/health/ready", 503);
        assertEquals("DOWN", body.get("status"));
        assertEquals("DOWN", check(body, "db").get("status"));
        assertEquals("java.lang.IllegalStateException: connection refused", check(body, "db").get("error"));
        assertEquals("backlog too long", check(body, "queue").get("error"));
        assertEquals(Map.of("depth", 12_000), check(body, "queue").get("details"));
        assertEquals("UP", check(body, "cache").get("status"));
    }

    @Test
    void readinessChecksDoNotAffectLivenessAndViceVersa() {
        app.health()
                .healthCheck("db", () -> Health.down("unreachable"))
                .healthCheck("deadlock", Probe.LIVENESS, Duration.ofSeconds(1), Health::up);

        Map<String, Object> live = probe("/health/live", 200);
        assertEquals(Set.of("deadlock"), ((Map<?, ?>) live.get("checks")).keySet());
        Map<String, Object> ready = probe("/health/ready", 503);
        assertEquals("unreachable", check(ready, "db").get("error"));
    }

    @Test
    void pathsAreConfigurable() {
        app.health(HealthConfig.defaults().withLivePath("/livez").withReadyPath("/readyz"));
        probe("/livez", 200);
        probe("/readyz", 200);
        client.get("/health/live").send().assertStatus(404);
        client.get("/health/ready").send().assertStatus(404);
    }

    @Test
    void headAnswersWithTheStatusAndNoBody() {
        app.health().healthCheck("db", () -> Health.down("unreachable"));
        TestResponse live = client.request("HEAD", "/health/live").send().assertStatus(200)
                .assertHeader("Cache-Control", "no-store");
        assertEquals(0, live.body().length);
        client.request("HEAD", "/health/ready").send().assertStatus(503);
    }

    @Test
    void readinessIsDownOnceShutdownHasStarted() {
        app.health().healthCheck("db", Health::up);
        probe("/health/ready", 200);
        app.stop();
        Map<String, Object> body = probe("/health/ready", 503);
        assertEquals("shutting down", body.get("reason"));
        probe("/health/live", 200);
    }

    @Test
    void registrationMistakesFailEarly() {
        app.health().healthCheck("db", Health::up);
        assertThrows(IllegalStateException.class, () -> app.health());
        IllegalArgumentException duplicate = assertThrows(IllegalArgumentException.class,
                () -> app.healthCheck("db", Health::up));
        assertTrue(duplicate.getMessage().contains("'db'"), duplicate::getMessage);
        assertThrows(IllegalArgumentException.class,
                () -> app.healthCheck("slow", Probe.READINESS, Duration.ZERO, Health::up));
        IllegalArgumentException badPath = assertThrows(IllegalArgumentException.class,
                () -> HealthConfig.defaults().withReadyPath("ready"));
        assertTrue(badPath.getMessage().startsWith("readyPath"), badPath::getMessage);
    }

    @Test
    void checksOfOneProbeRunConcurrently() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        HealthCheck waitsForTheOther = () -> {
            bothStarted.countDown();
            return bothStarted.await(10, TimeUnit.SECONDS) ? Health.up() : Health.down("the other check never started");
        };
        app.health(HealthConfig.defaults().withCheckTimeout(Duration.ofSeconds(10)))
                .healthCheck("a", waitsForTheOther)
                .healthCheck("b", waitsForTheOther);
        assertEquals("UP", probe("/health/ready", 200).get("status"));
    }

    @Test
    void aRouteOnAHealthPathConflictsAtStart() {
        app.get("/health/ready", ctx -> ctx.send("mine"));
        app.health();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));
        assertTrue(e.getMessage().contains("/health/ready"), e::getMessage);
    }

    @Test
    void checksWithoutTheEndpointsFailAtStart() {
        app.healthCheck("db", Health::up);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));
        assertTrue(e.getMessage().contains("app.health()"), e::getMessage);
    }
}
