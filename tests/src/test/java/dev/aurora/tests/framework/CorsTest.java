package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.middleware.Cors;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Cors} against the CORS protocol's cases: simple requests, preflights, origins, caching. */
@AuroraTest
class CorsTest {
    private static final String APP = "https://app.example.com";
    static final AtomicInteger REACHED = new AtomicInteger();

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .use(Cors.builder()
                        .allowOrigins(APP, "https://*.example.org", "http://localhost:3000")
                        .allowMethods("GET", "PUT", "DELETE")
                        .allowHeaders("Content-Type", "Authorization")
                        .exposeHeaders("X-Request-Id", "ETag")
                        .allowCredentials(true)
                        .maxAge(Duration.ofMinutes(10))
                        .build())
                .get("/items", ctx -> {
                    REACHED.incrementAndGet();
                    ctx.send("items");
                })
                .put("/items", ctx -> {
                    REACHED.incrementAndGet();
                    ctx.send("put");
                })
                .get("/fails", ctx -> {
                    throw new IllegalStateException("boom");
                });
    }

    private static TestResponse preflight(AuroraTestClient client, String origin, String method, String headers) {
        var request = client.options("/items").header("Origin", origin).header("Access-Control-Request-Method", method);
        return (headers == null ? request : request.header("Access-Control-Request-Headers", headers)).send();
    }

    @Test
    void aRequestWithoutOriginGetsNoCorsHeadersButVaries(AuroraTestClient client) {
        TestResponse r = client.get("/items").send().assertStatus(200).assertBody("items");
        assertNull(r.header("Access-Control-Allow-Origin"));
        assertEquals(List.of("Origin"), r.headers("Vary"));
    }

    @Test
    void anAllowedOriginIsEchoedWithCredentialsAndExposedHeaders(AuroraTestClient client) {
        client.get("/items").header("Origin", APP).send()
                .assertStatus(200)
                .assertBody("items")
                .assertHeader("Access-Control-Allow-Origin", APP)
                .assertHeader("Access-Control-Allow-Credentials", "true")
                .assertHeader("Access-Control-Expose-Headers", "X-Request-Id, ETag")
                .assertHeaders("Vary", "Origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "https://app.example.com.evil.net", "http://app.example.com",
        "https://example.org", "https://evil-example.org", "null", "http://localhost:3001"})
    void anOriginNotAllowedGetsTheResponseWithoutCorsHeaders(String origin, AuroraTestClient client) {
        TestResponse r = client.get("/items").header("Origin", origin).send().assertStatus(200).assertBody("items");
        assertNull(r.header("Access-Control-Allow-Origin"));
        assertNull(r.header("Access-Control-Allow-Credentials"));
        assertEquals(List.of("Origin"), r.headers("Vary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://a.example.org", "https://a.b.example.org", "HTTPS://A.Example.ORG", "http://localhost:3000"})
    void patternsAndPortsMatch(String origin, AuroraTestClient client) {
        client.get("/items").header("Origin", origin).send().assertHeader("Access-Control-Allow-Origin", origin);
    }

    @Test
    void aFailedHandlersErrorResponseKeepsTheCorsHeaders(AuroraTestClient client) {
        client.get("/fails").header("Origin", APP).send().assertStatus(500)
                .assertHeader("Access-Control-Allow-Origin", APP)
                .assertHeader("Access-Control-Allow-Credentials", "true")
                .assertHeaders("Vary", "Origin");
    }

    @Test
    void anAllowedPreflightIsAnsweredHereWith204(AuroraTestClient client) {
        int before = REACHED.get();
        preflight(client, APP, "PUT", "content-type, authorization").assertStatus(204)
                .assertHeader("Access-Control-Allow-Origin", APP)
                .assertHeader("Access-Control-Allow-Methods", "GET, PUT, DELETE")
                .assertHeader("Access-Control-Allow-Headers", "Content-Type, Authorization")
                .assertHeader("Access-Control-Allow-Credentials", "true")
                .assertHeader("Access-Control-Max-Age", "600")
                .assertHeaders("Vary", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers")
                .assertHeader("Content-Type", null)
                .assertBody("");
        assertEquals(before, REACHED.get(), "a preflight never reaches the route");
    }

    @Test
    void aPreflightForASafelistedMethodNeedsNoListing(AuroraTestClient client) {
        preflight(client, APP, "POST", null).assertStatus(204).assertHeader("Access-Control-Allow-Methods", "POST");
    }

    @Test
    void aPreflightAskingForTooMuchIs403WithoutCorsHeaders(AuroraTestClient client) {
        for (TestResponse r : List.of(
                preflight(client, APP, "PATCH", null),
                preflight(client, APP, "PUT", "X-Secret"),
                preflight(client, APP, "PUT", "Content-Type, X-Secret"),
                preflight(client, "https://evil.example", "GET", null))) {
            r.assertStatus(403).assertBody("").assertHeader("Content-Type", null);
            assertNull(r.header("Access-Control-Allow-Origin"), r::describe);
            assertNull(r.header("Access-Control-Allow-Methods"), r::describe);
        }
    }

    @Test
    void anOptionsRequestThatIsNoPreflightReachesTheRouter(AuroraTestClient client) {
        TestResponse r = client.options("/items").header("Origin", APP).send();
        assertEquals(APP, r.header("Access-Control-Allow-Origin"));
        assertTrue(r.header("Allow").contains("PUT"), r::describe);
    }

    @Nested
    class AnyOrigin {
        @TestApp
        static Aurora app() {
            return Aurora.create()
                    .use(Cors.builder().allowAnyOrigin().allowAnyHeader().build())
                    .get("/open", ctx -> ctx.send("open"));
        }

        @Test
        void isAStarThatDoesNotVary(AuroraTestClient client) {
            TestResponse r = client.get("/open").header("Origin", "https://anyone.example").send();
            r.assertHeader("Access-Control-Allow-Origin", "*");
            assertEquals(List.of(), r.headers("Vary"));
            assertNull(r.header("Access-Control-Allow-Credentials"));
        }

        @Test
        void echoesWhateverHeadersAPreflightAsksFor(AuroraTestClient client) {
            client.options("/open").header("Origin", "https://x.example")
                    .header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "x-one, x-two").send()
                    .assertStatus(204)
                    .assertHeader("Access-Control-Allow-Origin", "*")
                    .assertHeader("Access-Control-Allow-Headers", "x-one, x-two");
        }
    }

    @Test
    @AuroraTest(server = true)
    void aBrowserLikeClientSeesTheHeaders(Aurora app) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/items"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://a.example.org")
                    .header("Access-Control-Request-Method", "DELETE").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, r.statusCode());
            assertEquals("https://a.example.org", r.headers().firstValue("Access-Control-Allow-Origin").orElseThrow());
        }
    }

    @Test
    void policiesTheStandardForbidsFailAtBuild() {
        IllegalStateException star = assertThrows(IllegalStateException.class,
                () -> Cors.builder().allowAnyOrigin().allowCredentials(true).build());
        assertTrue(star.getMessage().contains("cannot be combined"), star.getMessage());
        assertThrows(IllegalStateException.class, () -> Cors.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().allowOrigins("https://x.example/path"));
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().allowOrigins("x.example"));
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().allowOrigins("https://x.*.example"));
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().allowHeaders("Bad Header"));
        assertThrows(IllegalArgumentException.class, () -> Cors.builder().maxAge(Duration.ofSeconds(-1)));
    }

    @Test
    void aPredicateCanDecide() {
        Cors cors = Cors.builder().allowOrigin(origin -> origin.endsWith(".trusted.example")).build();
        AuroraTestClient client = AuroraTestClient.of(Aurora.create().use(cors).get("/", ctx -> ctx.send("ok")));
        client.get("/").header("Origin", "https://x.trusted.example").send()
                .assertHeader("Access-Control-Allow-Origin", "https://x.trusted.example");
        assertNull(client.get("/").header("Origin", "https://x.example").send().header("Access-Control-Allow-Origin"));
    }
}
