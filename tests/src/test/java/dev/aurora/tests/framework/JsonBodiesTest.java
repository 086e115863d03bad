package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.aurora.Aurora;
import dev.aurora.JsonConfig;
import dev.aurora.Validated;
import dev.aurora.json.JacksonCodec;
import dev.aurora.schema.Violation;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * JSON request bodies: a Content-Type that is not JSON is a 415 naming what the route reads,
 * Validated.body refuses coercions that ctx.bodyAs allows, wrong types and unknown members come
 * back as errors with JSON Pointers, and the test client reads and writes with the app's codec.
 */
@AuroraTest
class JsonBodiesTest {
    public record Book(String title, int year, LocalDate published) {
    }

    private static final Validated<Book> BOOK = Validated.body(Book.class);

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .post("/lenient", ctx -> ctx.json(ctx.bodyAs(Book.class)))
                .patch("/lenient", ctx -> ctx.json(ctx.bodyAs(Book.class)))
                .put("/lenient", ctx -> ctx.json(ctx.bodyAs(Book.class)))
                .post("/validated", ctx -> ctx.json(BOOK.get(ctx)), BOOK);
    }

    private static final String FRACTIONAL_YEAR = "{\"title\":\"Dune\",\"year\":1965.5,\"published\":\"1965-08-01\"}";

    @BothTransports
    void aNonJsonContentTypeIs415WithAcceptPost(AuroraTestClient client) {
        TestResponse r = client.post("/lenient").body("{\"title\":\"Dune\"}", "text/plain; charset=utf-8").send()
                .assertStatus(415).assertHeader("Accept-Post", "application/json")
                .assertHeader("Content-Type", "application/problem+json");
        assertEquals("Expected a JSON body (application/json), got text/plain", r.problem().detail(), r::describe);
        client.post("/validated").body(FRACTIONAL_YEAR, "application/x-www-form-urlencoded").send()
                .assertStatus(415).assertHeader("Accept-Post", "application/json");
    }

    @BothTransports
    void aPatchNamesAcceptPatchAndAPutNeither(AuroraTestClient client) {
        client.patch("/lenient").body("{}", "text/csv").send().assertStatus(415)
                .assertHeader("Accept-Patch", "application/json").assertHeader("Accept-Post", null);
        client.put("/lenient").body("{}", "text/csv").send().assertStatus(415)
                .assertHeader("Accept-Patch", null).assertHeader("Accept-Post", null);
    }

    @BothTransports
    void jsonSubtypesAndAMissingContentTypeAreRead(AuroraTestClient client) {
        String body = "{\"title\":\"Dune\",\"year\":1965,\"published\":\"1965-08-01\"}";
        client.post("/lenient").body(body, "application/merge-patch+json").send().assertStatus(200);
        client.post("/lenient").body(body, null).send().assertStatus(200);
    }

    @BothTransports
    void validatedRefusesTheCoercionBodyAsAllows(AuroraTestClient client) {
        assertEquals(1965, client.post("/lenient").body(FRACTIONAL_YEAR, "application/json").send()
                .assertStatus(200).json(Book.class).year());
        TestResponse r = client.post("/validated").body(FRACTIONAL_YEAR, "application/json").send().assertStatus(400);
        assertEquals(List.of(new Violation("/year", "type", "must be an integer")), r.problem().violations(),
                r::describe);
        r = client.post("/validated").body("{\"title\":1965,\"year\":1965}", "application/json").send().assertStatus(400);
        assertEquals(List.of(new Violation("/title", "type", "must be a string")), r.problem().violations(),
                r::describe);
    }

    @BothTransports
    void aMalformedBodyNamesLineAndColumn(AuroraTestClient client) {
        TestResponse r = client.post("/validated").body("{\"title\":\n  \"Dune\" \"year\"}", "application/json").send()
                .assertStatus(400);
        assertEquals("Malformed JSON at line 2, column 10", r.problem().detail(), r::describe);
        assertEquals(List.of(), r.problem().violations());
    }

    @BothTransports
    void theTestClientReadsJavaTimeWithTheAppsCodec(AuroraTestClient client) {
        Book sent = new Book("Dune", 1965, LocalDate.of(1965, 8, 1));
        assertEquals(sent, client.post("/validated").json(sent).send().assertStatus(200).json(Book.class));
    }

    @Test
    void curlDefaultsToAFormContentTypeAndGetsA415() throws Exception {
        Aurora app = app();
        try (AuroraTestClient socket = AuroraTestClient.http(app)) {
            int port = app.port();
            Process p = new ProcessBuilder("/usr/bin/curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
                    "-d", "{\"title\":\"Dune\",\"year\":1965}", "http://127.0.0.1:" + port + "/validated")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "curl did not finish");
            assertEquals("415", out);
        }
    }

    /** An app-wide switch makes ctx.bodyAs strict too. */
    @Nested
    @AuroraTest
    class StrictTypes {
        @TestApp
        static Aurora app() {
            return Aurora.create().json(JsonConfig.defaults().withStrictTypes(true))
                    .post("/lenient", ctx -> ctx.json(ctx.bodyAs(Book.class)));
        }

        @BothTransports
        void bodyAsRefusesCoercions(AuroraTestClient client) {
            TestResponse r = client.post("/lenient").body("{\"title\":\"Dune\",\"year\":\"1965\"}", "application/json")
                    .send().assertStatus(400);
            assertEquals(List.of(new Violation("/year", "type", "must be an integer")), r.problem().violations(),
                    r::describe);
        }
    }

    /** A customized Jackson mapper keeps Aurora's limits, and the test client speaks its dialect. */
    @Nested
    @AuroraTest
    class CustomizedCodec {
        public record Shelf(String shelfName, int bookCount) {
        }

        @TestApp
        static Aurora app() {
            return Aurora.create()
                    .json(JacksonCodec.of(JsonConfig.defaults().withMaxNestingDepth(4),
                            b -> b.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)))
                    .post("/shelves", ctx -> ctx.json(ctx.bodyAs(Shelf.class)))
                    .post("/any", ctx -> ctx.json(ctx.bodyAs(Object.class)));
        }

        @BothTransports
        void theAppsNamingReachesTheWireAndTheTestClient(AuroraTestClient client) {
            TestResponse r = client.post("/shelves").json(new Shelf("fiction", 12)).send().assertStatus(200)
                    .assertJson("{\"shelf_name\":\"fiction\",\"book_count\":12}");
            assertEquals(new Shelf("fiction", 12), r.json(Shelf.class));
        }

        @BothTransports
        void theConfiguredLimitsStillApply(AuroraTestClient client) {
            client.post("/any").body("[[[[]]]]", "application/json").send().assertStatus(200);
            TestResponse r = client.post("/any").body("[[[[[]]]]]", "application/json").send().assertStatus(400);
            assertTrue(r.problem().detail().startsWith("JSON nested deeper than 4 levels"), r::describe);
        }

        @Test
        void theJdkClientSeesTheSameBytes() throws Exception {
            Aurora app = app();
            try (AuroraTestClient socket = AuroraTestClient.http(app)) {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/shelves"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"shelf_name\":\"a\",\"book_count\":\"3\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                assertEquals("{\"shelf_name\":\"a\",\"book_count\":3}", r.body());
            }
        }
    }
}
