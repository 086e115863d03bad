package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The access log through Logback's {@code JsonEncoder}, configured as {@code logback-json.xml} in
 * examples/hello does: each request is one JSON line whose {@code kvpList} holds the fields and
 * whose message is readable.
 */
class AccessLogJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Aurora app = Aurora.create().accessLog();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
    private Logger logger;
    private ch.qos.logback.classic.Level previousLevel;

    @BeforeEach
    void attachJsonAppender() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.setWithMessage(false);
        encoder.setWithArguments(false);
        encoder.start();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(out);
        appender.start();
        logger = context.getLogger("dev.aurora.access");
        previousLevel = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        appender.stop();
        app.stop();
    }

    @Test
    void eachRequestIsOneJsonLineWithItsFieldsAsKeyValues() throws Exception {
        app.get("/users/:id", ctx -> ctx.send("user"));
        client.get("/users/42").header("X-Request-Id", "json-1").header("User-Agent", "k6/0.50").send().assertStatus(200);
        client.get("/nowhere").send().assertStatus(404);

        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertEquals(2, lines.length, () -> String.join("\n", lines));
        JsonNode first = MAPPER.readTree(lines[0]);
        assertEquals("INFO", first.get("level").asText());
        assertEquals("dev.aurora.access", first.get("loggerName").asText());
        assertTrue(first.get("formattedMessage").asText().startsWith("GET /users/42 200 "), lines[0]);
        Map<String, String> fields = keyValues(first);
        assertEquals("GET", fields.get("method"));
        assertEquals("/users/:id", fields.get("route"));
        assertEquals("/users/42", fields.get("path"));
        assertEquals("200", fields.get("status"));
        assertEquals("json-1", fields.get("requestId"));
        assertEquals("k6/0.50", fields.get("userAgent"));
        assertEquals("127.0.0.1", fields.get("remote"));
        assertTrue(Long.parseLong(fields.get("durationUs")) >= 0);
        assertTrue(Long.parseLong(fields.get("bytesOut")) > 0);
        assertEquals("404", keyValues(MAPPER.readTree(lines[1])).get("status"));
    }

    /** Logback writes key-values as {@code "kvpList": [{"key": "value"}, ...]}. */
    private static Map<String, String> keyValues(JsonNode line) {
        Map<String, String> fields = new HashMap<>();
        for (JsonNode pair : line.get("kvpList")) {
            pair.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        }
        return fields;
    }
}
