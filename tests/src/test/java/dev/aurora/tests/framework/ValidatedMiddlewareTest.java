package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.Aurora;
import dev.aurora.Router;
import dev.aurora.Validated;
import dev.aurora.schema.Length;
import dev.aurora.schema.Range;
import dev.aurora.schema.Required;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.BothTransports;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link Validated} binds and validates the body or the query before the handler, which gets the value typed. */
@AuroraTest
class ValidatedMiddlewareTest {

    public record Line(@Required String sku, @Range(min = 1, max = 99) int quantity) {
    }

    public record Order(@Required @Length(min = 1, max = 40) String customer, @Length(min = 1) List<Line> lines) {
    }

    public enum Sort { NEWEST, OLDEST }

    public record Search(@Required @Length(max = 20) String q, @Range(min = 1, max = 50) Integer limit,
            List<String> tag, Optional<Sort> sort) {
        public Search {
            if (limit == null) {
                limit = 10;
            }
        }
    }

    static final Validated<Order> ORDER = Validated.body(Order.class);
    static final Validated<Search> SEARCH = Validated.query(Search.class);
    static final AtomicInteger HANDLED = new AtomicInteger();

    @TestApp
    static Aurora app() {
        Router api = Router.create().post("/orders", ctx -> {
            HANDLED.incrementAndGet();
            Order order = ORDER.get(ctx);
            ctx.status(201).json(Map.of("customer", order.customer(), "lines", order.lines().size()));
        }, ORDER);
        return Aurora.create()
                .includeRouter("/api", api)
                .get("/search", ctx -> {
                    Search s = SEARCH.get(ctx);
                    ctx.json(Map.of("q", s.q(), "limit", s.limit(), "tag", s.tag(), "sort", s.sort().map(Sort::name).orElse("")));
                }, SEARCH)
                .get("/unguarded", ctx -> ctx.json(SEARCH.get(ctx)))
                .exception(IllegalStateException.class, (e, ctx) -> ctx.status(500).send(e.getMessage()));
    }

    private static List<Map<String, Object>> errors(TestResponse r) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.problem().extensions().get("errors");
        return errors;
    }

    private static List<Object> pointers(TestResponse r) {
        return errors(r).stream().map(e -> e.get("pointer")).toList();
    }

    @Test
    void aValidBodyReachesTheHandlerTyped(AuroraTestClient client) {
        client.post("/api/orders").json(new Order("ada", List.of(new Line("A-1", 2)))).send()
                .assertStatus(201).assertJson("{\"customer\":\"ada\",\"lines\":1}");
    }

    @Test
    void anInvalidBodyNeverReachesTheHandler(AuroraTestClient client) {
        int before = HANDLED.get();
        TestResponse r = client.post("/api/orders")
                .body("{\"customer\":\" \",\"lines\":[{\"sku\":null,\"quantity\":0}]}", "application/json").send()
                .assertStatus(400).assertHeader("Content-Type", "application/problem+json");

        assertEquals(List.of("/customer", "/lines/0/sku", "/lines/0/quantity"), pointers(r), r::describe);
        assertEquals(before, HANDLED.get());
    }

    @Test
    void anEmptyOrNullBodyIsRequired(AuroraTestClient client) {
        for (String body : List.of("", "null")) {
            TestResponse r = client.post("/api/orders").body(body, "application/json").send().assertStatus(400);
            assertEquals(List.of(Map.of("pointer", "", "code", "required", "message", "a JSON body is required")),
                    errors(r), r::describe);
        }
    }

    @Test
    void malformedJsonIsStillA400NamingThePlace(AuroraTestClient client) {
        TestResponse r = client.post("/api/orders").body("{\"customer\":", "application/json").send().assertStatus(400);
        assertTrue(r.problem().detail().contains("line 1"), r::describe);
    }

    @Test
    void theQueryIsBoundToARecord(AuroraTestClient client) {
        client.get("/search?q=shoes&tag=red&tag=blue&sort=oldest&utm_source=newsletter").send().assertStatus(200)
                .assertJson("{\"q\":\"shoes\",\"limit\":10,\"tag\":[\"red\",\"blue\"],\"sort\":\"OLDEST\"}");
        client.get("/search?q=boots&limit=3").send().assertStatus(200)
                .assertJson("{\"q\":\"boots\",\"limit\":3,\"tag\":[],\"sort\":\"\"}");
    }

    @Test
    void aParameterThatDoesNotConvertIsNamed(AuroraTestClient client) {
        TestResponse r = client.get("/search?q=shoes&limit=many&sort=best").send().assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json");
        assertEquals(List.of(
                Map.of("pointer", "/limit", "code", "type", "message", "must be an int"),
                Map.of("pointer", "/sort", "code", "type", "message", "must be one of NEWEST, OLDEST")), errors(r));
    }

    @Test
    void theBoundQueryIsValidated(AuroraTestClient client) {
        TestResponse r = client.get("/search?limit=51").send().assertStatus(400);
        assertEquals(List.of("/q", "/limit"), pointers(r), r::describe);
        assertEquals(List.of("required", "range"), errors(r).stream().map(e -> e.get("code")).toList());
    }

    @Test
    void getWithoutTheMiddlewareFailsNamingTheType(AuroraTestClient client) {
        TestResponse r = client.get("/unguarded?q=x").header("Accept", "text/plain").send().assertStatus(500);
        assertTrue(r.bodyString().startsWith("No validated query of type " + Search.class.getName()), r::describe);
    }

    @Test
    void misuseFailsAtRegistration() {
        record Bad(java.util.Map<String, String> filter) {
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Validated.query(Bad.class));
        assertTrue(e.getMessage().startsWith(Bad.class.getName() + ".filter has type"), e.getMessage());
        assertEquals("Validated.body(" + Order.class.getName() + ")", ORDER.toString());
    }

    /** Over a real socket, read by the JDK's client: the problem document as sent. */
    @Test
    @AuroraTest(server = true)
    void aQueryErrorArrivesAsProblemJson(Aurora app) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/search?q=a&limit=0&limit=7")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, r.statusCode());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
            JsonNode problem = new ObjectMapper().readTree(r.body());
            assertEquals(400, problem.get("status").asInt());
            assertEquals("/search", problem.get("instance").asText());
            assertEquals("[{\"pointer\":\"/limit\",\"code\":\"range\",\"message\":\"must be between 1 and 50\"}]",
                    problem.get("errors").toString());
        }
    }

    @BothTransports
    void aValidBodyInBothTransports(AuroraTestClient client) {
        client.post("/api/orders").body("{\"customer\":\"bo\",\"lines\":[{\"sku\":\"x\",\"quantity\":3}]}",
                "application/json").send().assertStatus(201).assertJson("{\"customer\":\"bo\",\"lines\":1}");
    }
}
