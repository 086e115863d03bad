package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.TrailingSlash;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestConnection;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code app.metrics(registry)}: the request timer's tags and counts, the server meters, bounded cardinality. */
class MetricsTest {
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Aurora app = Aurora.create(ServerConfig.defaults().withTrailingSlash(TrailingSlash.REDIRECT));

    @AfterEach
    void stop() {
        app.stop();
    }

    private void routes() {
        app.metrics(registry);
        app.get("/users/:id", ctx -> ctx.send("user " + ctx.param("id")));
        app.post("/users", ctx -> ctx.status(201).send("created"));
        app.get("/boom", ctx -> {
            throw new IllegalStateException("boom");
        });
        app.get("/docs/", ctx -> ctx.send("docs"));
    }

    private Timer timer(String method, String uri, int status) {
        return registry.get("http.server.requests")
                .tags("method", method, "uri", uri, "status", Integer.toString(status))
                .timer();
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }

    @Test
    void aKnownSequenceOfRequestsIsTimedByRouteTemplateAndStatus() {
        routes();
        try (AuroraTestClient client = AuroraTestClient.http(app)) {
            client.get("/users/1").send().assertStatus(200);
            client.get("/users/2").send().assertStatus(200);
            client.get("/users/3").send().assertStatus(200);
            client.post("/users").body("{}", "application/json").send().assertStatus(201);
            client.get("/nope/1").send().assertStatus(404);
            client.get("/nope/2").send().assertStatus(404);
            client.get("/boom").send().assertStatus(500);
            client.get("/docs").send().assertStatus(308);
            client.delete("/users/1").send().assertStatus(405);
        }

        Timer users = timer("GET", "/users/:id", 200);
        assertEquals(3, users.count());
        assertEquals("SUCCESS", users.getId().getTag("outcome"));
        assertTrue(users.totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals(1, timer("POST", "/users", 201).count());
        Timer notFound = timer("GET", "NOT_FOUND", 404);
        assertEquals(2, notFound.count());
        assertEquals("CLIENT_ERROR", notFound.getId().getTag("outcome"));
        Timer failed = timer("GET", "/boom", 500);
        assertEquals(1, failed.count());
        assertEquals("SERVER_ERROR", failed.getId().getTag("outcome"));
        assertEquals("REDIRECTION", timer("GET", "/docs/", 308).getId().getTag("outcome"));
        assertEquals(1, timer("DELETE", "/users/:id", 405).count());

        assertEquals(Set.of("/users/:id", "/users", "NOT_FOUND", "/boom", "/docs/"), uris());
        assertEquals(9, counter("aurora.requests"));
        assertEquals(app.stats().connectionsAccepted(), counter("aurora.connections.accepted"));
        assertTrue(counter("aurora.connections.accepted") >= 1);
        assertEquals(0, registry.get("aurora.requests.active").gauge().value());
        assertEquals(app.stats().bytesRead(), counter("aurora.received"));
        assertTrue(counter("aurora.sent") > 0);
        assertEquals(0, registry.get("aurora.parse.errors").tag("status", "400").functionCounter().count());
        assertTrue(registry.get("aurora.buffers.acquired").tag("result", "hit").functionCounter().count()
                + registry.get("aurora.buffers.acquired").tag("result", "miss").functionCounter().count() > 0);
    }

    @Test
    void tenThousandDistinctPathsDoNotGrowTheMeterCount() {
        routes();
        AuroraTestClient client = AuroraTestClient.of(app);
        try (TestConnection connection = client.connect()) {
            connection.get("/users/warm-up").send().assertStatus(200);
            connection.get("/missing/warm-up").send().assertStatus(404);
            long meters = serverMeters();
            for (int i = 0; i < 10_000; i++) {
                connection.get("/users/" + i).send().assertStatus(200);
                connection.get("/missing/" + i + "/x").send().assertStatus(404);
            }
            assertEquals(meters, serverMeters(), this::describeMeters);
        }
        assertEquals(10_001, timer("GET", "/users/:id", 200).count());
        assertEquals(10_001, timer("GET", "NOT_FOUND", 404).count());
        assertEquals(Set.of("/users/:id", "NOT_FOUND"), uris());
    }

    @Test
    void twoRegistriesBothGetEveryMeter() {
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        routes();
        app.metrics(second);
        AuroraTestClient.of(app).get("/users/7").send().assertStatus(200);
        assertEquals(1, second.get("http.server.requests").tag("uri", "/users/:id").timer().count());
        assertEquals(1, registry.get("http.server.requests").tag("uri", "/users/:id").timer().count());
        assertEquals(1, second.get("aurora.requests").functionCounter().count());
    }

    /** Meters other than the JVM's: a collection during the loop may add a jvm.gc timer for a new cause. */
    private long serverMeters() {
        return registry.getMeters().stream().filter(m -> !m.getId().getName().startsWith("jvm.")).count();
    }

    @Test
    void theApplicationsMetersReachEveryRegistry() {
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        routes();
        app.metrics(second);
        app.meterRegistry().counter("orders.placed").increment();
        AuroraTestClient.of(app).get("/users/7").send().assertStatus(200);
        assertEquals(1, registry.get("orders.placed").counter().count());
        assertEquals(1, second.get("orders.placed").counter().count());
        assertEquals(1, second.get("http.server.requests").tag("uri", "/users/:id").timer().count());
    }

    private Set<String> uris() {
        Set<String> uris = new TreeSet<>();
        registry.find("http.server.requests").timers().forEach(t -> uris.add(t.getId().getTag("uri")));
        return uris;
    }

    private String describeMeters() {
        StringBuilder b = new StringBuilder();
        for (Meter m : registry.getMeters()) {
            b.append(m.getId()).append('\n');
        }
        return b.toString();
    }
}
