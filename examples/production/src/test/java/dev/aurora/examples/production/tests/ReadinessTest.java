package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurora.test.AuroraTestClient;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Readiness follows the database; liveness does not, so a database outage restarts nothing. */
class ReadinessTest extends ServiceTest {
    ReadinessTest() throws SQLException {
    }

    @Test
    void readyWhileThePoolServesNotReadyOnceItCannot(AuroraTestClient client) {
        JsonNode up = client.get("/health/ready").send().assertStatus(200).json(JsonNode.class);
        assertEquals("UP", up.at("/checks/db/status").asText());
        // The check holds a connection of its own while it reads the pool's figures.
        assertEquals(1, up.at("/checks/db/details/active").asInt(), up.toString());

        service.database().close();

        JsonNode down = client.get("/health/ready").send().assertStatus(503)
                .assertHeader("Cache-Control", "no-store").json(JsonNode.class);
        assertEquals("DOWN", down.at("/status").asText());
        assertEquals("DOWN", down.at("/checks/db/status").asText());
        client.get("/health/live").send().assertStatus(200);
        client.get("/notes").send().assertStatus(500);
    }
}
