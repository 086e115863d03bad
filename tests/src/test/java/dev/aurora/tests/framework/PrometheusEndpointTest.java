package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code app.prometheus()}: a scrape in the text exposition format, parsed line by line, with the
 * JVM's and the process's meters and those the application adds on {@code app.meterRegistry()}.
 */
class PrometheusEndpointTest {
    /** {@code name{label="value",...} value}: label values may hold escaped quotes. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)");

    private final Aurora app = Aurora.create();

    @AfterEach
    void stop() {
        app.stop();
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    @Test
    void scrapeIsValidTextExpositionWithTheRequestHistogram() {
        app.prometheus();
        app.get("/users/:id", ctx -> ctx.send("user"));
        TestResponse scrape;
        try (AuroraTestClient client = AuroraTestClient.http(app)) {
            client.get("/users/1").send().assertStatus(200);
            client.get("/users/2").send().assertStatus(200);
            client.get("/nowhere").send().assertStatus(404);
            scrape = client.get("/metrics").send().assertStatus(200);
        }
        assertEquals("text/plain; version=0.0.4; charset=utf-8", scrape.header("Content-Type"));

        Map<String, String> types = new HashMap<>();
        Map<String, String> help = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.bodyString().split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher m = COMMENT.matcher(line);
                assertTrue(m.matches(), () -> "bad comment line: " + line);
                (m.group(1).equals("TYPE") ? types : help).put(m.group(2), m.group(3));
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), () -> "bad sample line: " + line);
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }

        assertEquals("histogram", types.get("http_server_requests_seconds"));
        assertTrue(help.containsKey("http_server_requests_seconds"));
        List<Sample> buckets = samples.stream()
                .filter(s -> s.name().equals("http_server_requests_seconds_bucket")
                        && "/users/:id".equals(s.labels().get("uri")))
                .toList();
        assertTrue(buckets.size() > 10, () -> "buckets: " + buckets);
        Sample inf = buckets.stream().filter(s -> "+Inf".equals(s.labels().get("le"))).findFirst().orElseThrow();
        assertEquals(Map.of("method", "GET", "uri", "/users/:id", "status", "200", "outcome", "SUCCESS", "le", "+Inf"),
                inf.labels());
        assertEquals(2, inf.value());
        double previous = 0;
        for (Sample b : buckets) {
            assertTrue(b.value() >= previous, "buckets are cumulative");
            previous = b.value();
        }
        assertEquals(2, value(samples, "http_server_requests_seconds_count", "uri", "/users/:id"));
        assertEquals(1, value(samples, "http_server_requests_seconds_count", "uri", "NOT_FOUND"));
        assertTrue(samples.stream().noneMatch(s -> "/users/1".equals(s.labels().get("uri"))), "raw paths never appear");

        assertEquals("counter", types.get("aurora_requests_total"));
        assertEquals(3, value(samples, "aurora_requests_total", null, null));
        assertEquals("gauge", types.get("aurora_connections_active"));
        assertTrue(value(samples, "aurora_connections_active", null, null) >= 1);
        assertTrue(value(samples, "aurora_received_bytes_total", null, null) > 0);
        assertTrue(value(samples, "aurora_sent_bytes_total", null, null) > 0);
        assertEquals(0, value(samples, "aurora_parse_errors_total", "status", "431"));
        assertTrue(types.containsKey("aurora_buffers_acquired_total"));
        assertTrue(types.containsKey("aurora_connections_rejected_total"));
        assertTrue(types.containsKey("aurora_connections_timed_out_total"));
    }

    @Test
    void pathIsConfigurable() {
        app.prometheus("/internal/prometheus");
        AuroraTestClient client = AuroraTestClient.of(app);
        assertTrue(client.get("/internal/prometheus").send().assertStatus(200).bodyString()
                .contains("# TYPE aurora_requests_total counter"));
        client.get("/metrics").send().assertStatus(404);
    }

    @Test
    void theScrapeHasTheJvmAndProcessMetersAndTheApplicationsOwn() {
        app.prometheus();
        Counter orders = app.meterRegistry().counter("orders.placed");
        app.post("/orders", ctx -> {
            orders.increment();
            ctx.status(201).send("");
        });
        AuroraTestClient client = AuroraTestClient.of(app);
        client.post("/orders").send().assertStatus(201);
        client.post("/orders").send().assertStatus(201);
        // Also once the application runs, say for a pool made later.
        Gauge.builder("pool.active", () -> 7).register(app.meterRegistry());

        String scrape = client.get("/metrics").send().assertStatus(200).bodyString();
        assertHasSample(scrape, "jvm_memory_used_bytes\\{area=\"heap\",.*} \\S+");
        assertHasSample(scrape, "process_cpu_usage \\S+");
        assertHasSample(scrape, "jvm_threads_live_threads \\S+");
        assertHasSample(scrape, "process_uptime_seconds \\S+");
        assertHasSample(scrape, "orders_placed_total 2\\.0");
        assertHasSample(scrape, "pool_active 7\\.0");
        assertHasSample(scrape, "aurora_requests_total 2\\.0");
    }

    @Test
    void theJvmMetersCanBeTurnedOff() {
        app.prometheus().jvmMetrics(false);
        String scrape = AuroraTestClient.of(app).get("/metrics").send().assertStatus(200).bodyString();
        assertTrue(scrape.lines().noneMatch(line -> line.startsWith("jvm_") || line.startsWith("process_cpu")), scrape);
        assertHasSample(scrape, "aurora_requests_total \\S+");
    }

    @Test
    void thereIsNoRegistryToReachWithoutMetrics() {
        IllegalStateException e = assertThrows(IllegalStateException.class, app::meterRegistry);
        assertEquals("No meter registry: call app.prometheus() or app.metrics(registry) first", e.getMessage());
    }

    private static void assertHasSample(String scrape, String regex) {
        Pattern line = Pattern.compile(regex);
        assertTrue(scrape.lines().anyMatch(l -> line.matcher(l).matches()), () -> "no line " + regex + " in\n" + scrape);
    }

    private static double value(List<Sample> samples, String name, String label, String labelValue) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && (label == null || labelValue.equals(s.labels().get(label))))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + " " + label + "=" + labelValue))
                .value();
    }
}
