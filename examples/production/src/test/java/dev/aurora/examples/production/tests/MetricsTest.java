package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.AuroraTestClient;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One Prometheus scrape has Aurora's meters, the JVM's (Micrometer's binders) and the pool's. */
class MetricsTest extends ServiceTest {
    MetricsTest() throws SQLException {
    }

    @Test
    void theScrapeHasAurorasTheJvmsAndThePoolsMeters(AuroraTestClient client) {
        client.post("/notes").json(Map.of("text", "counted")).send().assertStatus(201);
        String scrape = client.get("/metrics").send().assertStatus(200)
                .assertHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").bodyString();
        List<String> expected = List.of(
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"201\",uri=\"/notes\"} 1",
                "aurora_requests_total ",
                "aurora_connections_active ",
                "jvm_memory_used_bytes{area=\"heap\"",      // JvmMemoryMetrics
                "jvm_gc_",                                  // JvmGcMetrics
                "jvm_threads_live_threads ",                // JvmThreadMetrics
                "jvm_classes_loaded_classes ",              // ClassLoaderMetrics
                "system_cpu_count ",                        // ProcessorMetrics
                "process_uptime_seconds ",                  // UptimeMetrics
                "hikaricp_connections_max{pool=\"notes\"} 8");  // the pool, through HikariCP's Micrometer tracker
        for (String line : expected) {
            assertTrue(scrape.lines().anyMatch(l -> l.startsWith(line)), "no line starting with " + line + " in\n" + scrape);
        }
    }
}
