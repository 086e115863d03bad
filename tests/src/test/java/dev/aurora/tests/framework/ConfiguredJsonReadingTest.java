package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.Aurora;
import dev.aurora.JsonConfig;
import dev.aurora.json.JacksonCodec;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code Aurora.json(JsonConfig)} governs how bodies are read, over a real socket. */
@AuroraTest(server = true)
class ConfiguredJsonReadingTest {

    public record Note(String text) {
    }

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .json(JsonConfig.defaults()
                        .withFailOnUnknownProperties(false)
                        .withMaxStringLength(8)
                        .withMaxDocumentLength(64))
                .post("/notes", ctx -> ctx.json(ctx.bodyAs(Note.class)));
    }

    @Test
    void unknownPropertiesAreIgnoredWhenConfigured(AuroraTestClient client) {
        client.post("/notes").body("{\"text\":\"hi\",\"tracking\":{\"id\":7}}", "application/json").send()
                .assertStatus(200).assertJson("{\"text\":\"hi\"}");
    }

    @Test
    void aStringOverTheLimitIsA400NamingIt(AuroraTestClient client) {
        TestResponse r = client.post("/notes").body("{\"text\":\"123456789\"}", "application/json").send()
                .assertStatus(400).assertHeader("Content-Type", "application/problem+json");
        Problem p = r.problem();
        assertEquals(400, p.status());
        assertTrue(p.detail().startsWith("JSON string longer than 8 characters"), r::describe);
    }

    @Test
    void aDocumentOverItsLengthIsA413(AuroraTestClient client) {
        TestResponse r = client.post("/notes").body("{\"text\":\"a\"," + "\"x\":1,".repeat(10) + "\"y\":2}", "application/json")
                .send().assertStatus(413).assertHeader("Content-Type", "application/problem+json");
        assertEquals("JSON body longer than 64 bytes", r.problem().detail(), r::describe);
    }

    /** An application's own mapper wins over the configuration and keeps its own rules. */
    @Nested
    @AuroraTest
    class WithAMapper {
        @TestApp
        static Aurora app() {
            return Aurora.create()
                    .json(JsonConfig.defaults().withFailOnUnknownProperties(false))
                    .json(JacksonCodec.wrap(new ObjectMapper()))
                    .post("/notes", ctx -> ctx.json(ctx.bodyAs(Note.class)));
        }

        @Test
        void theMapperTakesPrecedence(AuroraTestClient client) {
            TestResponse r = client.post("/notes").body("{\"text\":\"hi\",\"extra\":1}", "application/json").send()
                    .assertStatus(400);
            assertEquals(List.of(new Violation("/extra", "unknown", "is not a known field")), r.problem().violations(),
                    r::describe);
            client.post("/notes").body("{\"text\":\"" + "long".repeat(10) + "\"}", "application/json").send()
                    .assertStatus(200);
        }
    }
}
