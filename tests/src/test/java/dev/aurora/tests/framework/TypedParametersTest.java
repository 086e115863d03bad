package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code ctx.param(name, type)} and {@code ctx.query(name, type[, default])}: values converted with
 * the controllers' converters, a value that does not fit is a {@code 400} naming the parameter in
 * the problem format, and an unsupported type or a missing route parameter is the programmer's
 * error ({@code 500}).
 */
@AuroraTest
class TypedParametersTest {
    enum Shelf { FICTION, SCIENCE }

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .get("/books/:id", ctx -> ctx.send("id+1=" + (ctx.param("id", long.class) + 1)))
                .get("/uuid/:u", ctx -> ctx.send(ctx.param("u", UUID.class).toString()))
                .get("/shelf/:s", ctx -> ctx.send(ctx.param("s", Shelf.class).name()))
                .get("/list", ctx -> {
                    int page = ctx.query("page", int.class, 1);
                    String since = ctx.query("since", LocalDate.class).map(d -> d.plusDays(1).toString()).orElse("-");
                    BigDecimal max = ctx.query("max", BigDecimal.class, BigDecimal.TEN);
                    Instant at = ctx.query("at", Instant.class, Instant.EPOCH);
                    ctx.send(page + "|" + since + "|" + max + "|" + at.getEpochSecond());
                })
                .get("/wrong-name/:id", ctx -> ctx.send(String.valueOf(ctx.param("nope", int.class))))
                .get("/unsupported", ctx -> ctx.send(String.valueOf(ctx.query("q", StringBuilder.class))));
    }

    private static void assertBadRequest(TestResponse r, String detail) {
        r.assertStatus(400);
        assertEquals("application/problem+json", r.header("Content-Type"), r::toString);
        assertEquals(detail, r.json(java.util.Map.class).get("detail"), r::bodyString);
    }

    @BothTransports
    void pathParametersAreConverted(AuroraTestClient client) {
        client.get("/books/41").send().assertBody("id+1=42");
        client.get("/uuid/123e4567-e89b-12d3-a456-426614174000").send().assertBody("123e4567-e89b-12d3-a456-426614174000");
        client.get("/shelf/science").send().assertBody("SCIENCE");
    }

    @BothTransports
    void aPathParameterThatDoesNotFitIs400NamingIt(AuroraTestClient client) {
        assertBadRequest(client.get("/books/abc").send(), "Path parameter id must be a long");
        assertBadRequest(client.get("/books/99999999999999999999").send(), "Path parameter id must be a long");
        assertBadRequest(client.get("/uuid/1-1-1-1-1").send(), "Path parameter u must be a UUID");
        assertBadRequest(client.get("/shelf/poetry").send(), "Path parameter s must be one of FICTION, SCIENCE");
    }

    @BothTransports
    void queryParametersAreConvertedOrDefaulted(AuroraTestClient client) {
        client.get("/list").send().assertBody("1|-|10|0");
        client.get("/list?page=3&since=2026-02-28&max=12.50&at=2026-01-01T00:00:00Z").send()
                .assertBody("3|2026-03-01|12.50|1767225600");
    }

    @BothTransports
    void aQueryParameterThatDoesNotFitIs400NotTheDefault(AuroraTestClient client) {
        assertBadRequest(client.get("/list?page=two").send(), "Query parameter page must be an int");
        assertBadRequest(client.get("/list?since=2026-02-30").send(), "Query parameter since must be a date like 2026-12-31");
        assertBadRequest(client.get("/list?max=1e999999999").send(), "Query parameter max must be a decimal number");
        assertBadRequest(client.get("/list?at=yesterday").send(), "Query parameter at must be an instant like 2026-12-31T23:59:30Z");
    }

    @BothTransports
    void programmingErrorsAre500(AuroraTestClient client) {
        client.get("/wrong-name/1").send().assertStatus(500);
        client.get("/unsupported?q=x").send().assertStatus(500);
    }
}
