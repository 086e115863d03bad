package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default JSON reads and writes {@code java.time} values as ISO-8601 text, keeps the offset a
 * client sent, answers a date that does not exist with a {@code 400} naming the field, and takes
 * {@code Optional} components as the value or {@code null}.
 */
@AuroraTest
class JdkTypesJsonTest {

    public record Loan(String book, LocalDate due, Instant created, OffsetDateTime pickup, LocalTime opens, Duration length) {
    }

    public record Shelf(String name, Optional<String> note) {
    }

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .get("/loan", ctx -> ctx.json(new Loan("Dune",
                        LocalDate.of(2026, 12, 31),
                        Instant.parse("2026-12-04T10:15:30Z"),
                        OffsetDateTime.of(2026, 12, 5, 9, 0, 0, 0, ZoneOffset.ofHours(2)),
                        LocalTime.of(8, 30),
                        Duration.ofDays(14))))
                .get("/shelves", ctx -> ctx.json(java.util.List.of(new Shelf("a", Optional.of("near")), new Shelf("b", Optional.empty()))))
                .post("/shelf", ctx -> {
                    Shelf shelf = ctx.bodyAs(Shelf.class);
                    ctx.send(shelf.name() + "|" + shelf.note().map(n -> "note=" + n).orElse("no note"));
                })
                .post("/loan", ctx -> {
                    Loan loan = ctx.bodyAs(Loan.class);
                    // Echo what the values are, not just what Jackson would write back.
                    ctx.send(loan.due().plusDays(1) + "|" + loan.created().getEpochSecond() + "|"
                            + loan.pickup().getOffset() + "|" + loan.opens().getHour() + "|" + loan.length().toHours());
                });
    }

    @BothTransports
    void valuesAreWrittenAsIso8601Text(AuroraTestClient client) {
        TestResponse r = client.get("/loan").send().assertStatus(200);
        Map<?, ?> body = r.json(Map.class);
        assertEquals("2026-12-31", body.get("due"), r::describe);
        assertEquals("2026-12-04T10:15:30Z", body.get("created"), r::describe);
        assertEquals("2026-12-05T09:00:00+02:00", body.get("pickup"), r::describe);
        assertEquals("08:30:00", body.get("opens"), r::describe);
        assertEquals("PT336H", body.get("length"), r::describe);
    }

    @BothTransports
    void valuesAreReadFromIso8601TextKeepingTheOffset(AuroraTestClient client) {
        client.post("/loan").body("""
                {"book":"Dune","due":"2026-02-28","created":"2026-01-01T00:00:00Z",
                 "pickup":"2026-03-01T10:00:00-05:00","opens":"09:15","length":"PT48H"}""", "application/json")
                .send().assertStatus(200).assertBody("2026-03-01|1767225600|-05:00|9|48");
    }

    @BothTransports
    void aDateThatDoesNotExistIs400NamingTheField(AuroraTestClient client) {
        TestResponse r = client.post("/loan").body("""
                {"book":"Dune","due":"2026-02-30","created":"2026-01-01T00:00:00Z",
                 "pickup":"2026-03-01T10:00:00Z","opens":"09:15","length":"PT1H"}""", "application/json")
                .send().assertStatus(400).assertHeader("Content-Type", "application/problem+json");
        assertEquals(List.of(new Violation("/due", "type", "must be an ISO-8601 date such as 2026-12-31")),
                r.problem().violations(), r::describe);
    }

    @BothTransports
    void optionalComponentsAreTheValueOrNull(AuroraTestClient client) {
        client.get("/shelves").send().assertStatus(200)
                .assertJson("[{\"name\":\"a\",\"note\":\"near\"},{\"name\":\"b\",\"note\":null}]");
        client.post("/shelf").body("{\"name\":\"a\",\"note\":\"x\"}", "application/json").send().assertBody("a|note=x");
        client.post("/shelf").body("{\"name\":\"a\",\"note\":null}", "application/json").send().assertBody("a|no note");
        client.post("/shelf").body("{\"name\":\"a\"}", "application/json").send().assertBody("a|no note");
    }
}
