package dev.aurora.examples.middleware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.examples.middleware.NewUser;
import dev.aurora.examples.middleware.Principal;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.Problem;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Everything under /api needs a bearer token (RFC 6750); writes need a scope on top. */
class BearerAuthTest extends MiddlewareAppTest {
    @BothTransports
    void withoutATokenTheAnswerIs401WithAChallenge(AuroraTestClient client) {
        Problem problem = client.get("/api/v1/users").send()
                .assertStatus(401)
                .assertHeader("WWW-Authenticate", "Bearer realm=\"example\"")
                .assertHeader("Content-Type", "application/problem+json")
                .problem();
        assertEquals("A bearer token is required", problem.detail());
    }

    @Test
    void anotherSchemeIsNoToken(AuroraTestClient client) {
        client.get("/api/v1/me").header("Authorization", "Basic YWxpY2U6c2VjcmV0").send()
                .assertStatus(401)
                .assertHeader("WWW-Authenticate", "Bearer realm=\"example\"");
        client.get("/api/v1/me").header("Authorization", "Bearer").send().assertStatus(401);
    }

    @Test
    void anUnknownTokenIsInvalid(AuroraTestClient client) {
        Problem problem = client.get("/api/v1/me").header("Authorization", "Bearer mallory-token").send()
                .assertStatus(401)
                .assertHeader("WWW-Authenticate", "Bearer realm=\"example\", error=\"invalid_token\"")
                .problem();
        assertEquals("The bearer token is not valid", problem.detail());
        client.get("/api/v1/me").header("Authorization", "Bearer ALICE-TOKEN").send().assertStatus(401);
    }

    @Test
    void aValidTokenReachesTheHandlerWithItsPrincipal(AuroraTestClient client) {
        Principal me = client.get("/api/v1/me").header("Authorization", ALICE).send()
                .assertStatus(200)
                .json(Principal.class);
        assertEquals(new Principal("alice", Set.of("users:read", "users:write")), me);
        // The scheme is case-insensitive.
        client.get("/api/v1/me").header("Authorization", "bearer bob-token").send().assertStatus(200);
    }

    @Test
    void aTokenWithoutTheScopeIs403NamingIt(AuroraTestClient client) {
        Problem problem = client.post("/api/v1/users").header("Authorization", BOB)
                .json(new NewUser("Eve", "eve@example.com")).send()
                .assertStatus(403)
                .assertHeader("WWW-Authenticate",
                        "Bearer realm=\"example\", error=\"insufficient_scope\", scope=\"users:write\"")
                .problem();
        assertEquals("This needs the scope users:write", problem.detail());
        client.get("/api/v1/users").header("Authorization", BOB).send().assertStatus(200).assertBody("[]");
    }

    @Test
    void theHealthEndpointIsOutsideTheApiAndNeedsNoToken(AuroraTestClient client) {
        client.get("/health").send().assertStatus(200).assertJson("{\"status\":\"up\"}");
    }
}
