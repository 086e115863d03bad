package dev.aurora.tests.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import dev.aurora.schema.Schema;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A ValidationException thrown by a handler reaches the client as problem+json with errors. */
class ValidationProblemResponseTest {
    record Item(@Required String name, @Range(min = 1, max = 10) int qty) {
    }

    record Order(List<Item> items) {
    }

    private Aurora app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void errorsArrayOverARealSocket() throws Exception {
        app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"));
        app.get("/order", ctx -> {
            Schema.of(Order.class).validate(new Order(List.of(new Item("a", 1), new Item(null, 11))));
            ctx.send("unreachable");
        });
        app.start(0);
        String response;
        try (Socket s = new Socket("127.0.0.1", app.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write("GET /order HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(response.startsWith("HTTP/1.1 400 "), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        JsonNode body = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertEquals(400, body.get("status").asInt());
        assertEquals("2 invalid values", body.get("detail").asText());
        JsonNode errors = body.get("errors");
        assertEquals(2, errors.size(), body::toString);
        assertEquals("/items/1/name", errors.get(0).get("pointer").asText());
        assertEquals("required", errors.get(0).get("code").asText());
        assertEquals("must not be null", errors.get(0).get("message").asText());
        assertEquals("/items/1/qty", errors.get(1).get("pointer").asText());
        assertEquals("range", errors.get(1).get("code").asText());
        assertEquals("must be between 1 and 10", errors.get(1).get("message").asText());
    }
}
