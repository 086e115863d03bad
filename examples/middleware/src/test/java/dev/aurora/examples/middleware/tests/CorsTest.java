package dev.aurora.examples.middleware.tests;

import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * CORS is application middleware, registered first: a preflight is answered before any
 * authentication (browsers never send a token with it), and every answer to an allowed origin,
 * errors included, carries the headers a page needs to read it.
 */
class CorsTest extends MiddlewareAppTest {
    private static final String PAGE = "https://app.example.com";

    @Test
    void aPreflightFromAnAllowedOriginIs204WithoutAToken(AuroraTestClient client) {
        client.options("/api/v1/users")
                .header("Origin", PAGE)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type")
                .send()
                .assertStatus(204)
                .assertHeader("Access-Control-Allow-Origin", PAGE)
                .assertHeader("Access-Control-Allow-Methods", "GET, POST, DELETE")
                .assertHeader("Access-Control-Allow-Headers", "Authorization, Content-Type")
                .assertHeader("Access-Control-Max-Age", "600");
    }

    @Test
    void aPreflightFromAnotherOriginOrForAnotherMethodIs403(AuroraTestClient client) {
        TestResponse other = client.options("/api/v1/users")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET")
                .send()
                .assertStatus(403);
        assertNull(other.header("Access-Control-Allow-Origin"));
        client.options("/api/v1/users")
                .header("Origin", PAGE)
                .header("Access-Control-Request-Method", "PUT")
                .send()
                .assertStatus(403);
    }

    @Test
    void anAllowedOriginCanReadTheAnswerAndItsExposedHeaders(AuroraTestClient client) {
        client.get("/api/v1/users").header("Origin", "http://localhost:3000").header("Authorization", ALICE).send()
                .assertStatus(200)
                .assertHeader("Access-Control-Allow-Origin", "http://localhost:3000")
                .assertHeader("Access-Control-Expose-Headers", "X-Request-Id, Api-Version, Retry-After, WWW-Authenticate")
                .assertHeader("Vary", "Origin");
    }

    @Test
    void errorsCarryTheCorsHeadersSoThePageSeesThem(AuroraTestClient client) {
        client.get("/api/v1/users").header("Origin", PAGE).send()
                .assertStatus(401)
                .assertHeader("Access-Control-Allow-Origin", PAGE)
                .assertHeader("WWW-Authenticate", "Bearer realm=\"example\"");
    }

    @Test
    void anotherOriginGetsTheAnswerWithoutCorsHeaders(AuroraTestClient client) {
        TestResponse response = client.get("/health").header("Origin", "https://evil.example").send()
                .assertStatus(200)
                .assertHeader("Vary", "Origin");
        assertNull(response.header("Access-Control-Allow-Origin"));
    }
}
