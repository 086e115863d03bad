package dev.aurora.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.aurora.Aurora;
import dev.aurora.JsonConfig;
import dev.aurora.Validated;
import dev.aurora.schema.Required;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;

/** An application on Jackson 3 gets the same HTTP as on the default codec, through the test client. */
@AuroraTest
class Jackson3AppTest {
    public record Loan(@Required String book, LocalDate due, Instant created, int copies) {
    }

    private static final Validated<Loan> LOAN = Validated.body(Loan.class);
    private static final Jackson3Codec CODEC = Jackson3Codec.of(JsonConfig.defaults().withMaxDocumentLength(200),
            b -> b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

    @TestApp
    static Aurora app() {
        return Aurora.create().json(CODEC)
                .post("/loans", ctx -> ctx.status(201).json(LOAN.get(ctx)), LOAN)
                .post("/lenient", ctx -> ctx.json(ctx.bodyAs(Loan.class)))
                .get("/loan", ctx -> ctx.json(new Loan("Dune", LocalDate.of(2026, 12, 31),
                        Instant.parse("2026-12-04T10:15:30Z"), 2)));
    }

    @Test
    void theAppReportsItsCodec() {
        assertSame(CODEC, app().jsonCodec());
    }

    @BothTransports
    void valuesGoOutAsIso8601InTheAppsNamingAndTheTestClientReadsThemBack(AuroraTestClient client) {
        TestResponse r = client.get("/loan").send().assertStatus(200).assertJson(
                "{\"book\":\"Dune\",\"due\":\"2026-12-31\",\"created\":\"2026-12-04T10:15:30Z\",\"copies\":2}");
        assertEquals(LocalDate.of(2026, 12, 31), r.json(Loan.class).due());
        Loan sent = new Loan("Emma", LocalDate.of(2027, 1, 2), Instant.parse("2026-12-01T00:00:00Z"), 1);
        assertEquals(sent, client.post("/loans").json(sent).send().assertStatus(201).json(Loan.class));
    }

    @BothTransports
    void strictValidationAndSchemaErrorsComeBackWithPointers(AuroraTestClient client) {
        TestResponse r = client.post("/loans").body("{\"book\":\"Dune\",\"copies\":\"2\"}", "application/json").send()
                .assertStatus(400).assertHeader("Content-Type", "application/problem+json");
        assertEquals(List.of(new Violation("/copies", "type", "must be an integer")), r.problem().violations(),
                r::describe);
        r = client.post("/loans").body("{\"copies\":2}", "application/json").send().assertStatus(400);
        assertEquals("required", r.problem().violations().get(0).code(), r::describe);
        client.post("/lenient").body("{\"book\":\"Dune\",\"copies\":\"2\"}", "application/json").send()
                .assertStatus(200);
    }

    @BothTransports
    void httpRulesStayAurorasWhateverTheCodec(AuroraTestClient client) {
        client.post("/loans").body("{\"book\":\"Dune\"}", "text/plain").send().assertStatus(415)
                .assertHeader("Accept-Post", "application/json");
        TestResponse r = client.post("/loans").body("{\"book\":\"" + "x".repeat(300) + "\"}", "application/json")
                .send().assertStatus(413);
        assertEquals("JSON body longer than 200 bytes", r.problem().detail(), r::describe);
        r = client.post("/loans").body("{\"book\":", "application/json").send().assertStatus(400);
        assertEquals("Malformed JSON at line 1, column 9", r.problem().detail(), r::describe);
    }
}
