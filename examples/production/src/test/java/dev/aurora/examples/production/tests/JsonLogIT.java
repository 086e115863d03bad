package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged service logs JSON lines only, and a line logged while a request runs carries its
 * request id in {@code mdc}, as the access log line does in its fields.
 */
class JsonLogIT {
    @Test
    void everyLineIsJsonAndRequestLinesCarryTheRequestId() throws Exception {
        try (PackagedApp service = PackagedApp.jar(Map.of("AURORA_SERVER_DRAIN_DELAY", "0s"));
                HttpClient http = HttpClient.newHttpClient()) {
            URI base = URI.create(service.awaitListening());
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(base.resolve("/notes"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"to delete\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            String location = created.headers().firstValue("Location").orElseThrow();
            HttpResponse<Void> deleted = http.send(HttpRequest.newBuilder(base.resolve(location))
                    .header("X-Request-Id", "it-delete-1").DELETE().build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(204, deleted.statusCode());
            assertEquals("it-delete-1", deleted.headers().firstValue("X-Request-Id").orElseThrow());

            JsonNode handlerLine = service.awaitLog(l -> l.path("formattedMessage").asText().startsWith("deleted note"));
            assertEquals("INFO", handlerLine.path("level").asText());
            assertEquals("it-delete-1", handlerLine.at("/mdc/requestId").asText(), handlerLine.toString());

            JsonNode accessLine = service.awaitLog(l -> "dev.aurora.access".equals(l.path("loggerName").asText())
                    && l.path("formattedMessage").asText().startsWith("DELETE "));
            assertEquals("it-delete-1", field(accessLine, "requestId"));
            assertEquals("204", field(accessLine, "status"));
            assertEquals("/notes/:id", field(accessLine, "route"));

            assertEquals(143, service.stop());
            // Flushed by the shutdown hook before the JVM ended; and still nothing but JSON.
            service.awaitLog(l -> "Aurora stopped".equals(l.path("formattedMessage").asText()));
        }
    }

    /** A field of Logback's {@code kvpList}: an array of one-member objects. */
    private static String field(JsonNode line, String key) {
        for (JsonNode pair : line.path("kvpList")) {
            if (pair.has(key)) {
                return pair.get(key).asText();
            }
        }
        throw new AssertionError("no " + key + " in " + line);
    }
}
