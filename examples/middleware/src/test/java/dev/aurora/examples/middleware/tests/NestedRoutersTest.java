package dev.aurora.examples.middleware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.examples.middleware.NewUser;
import dev.aurora.examples.middleware.User;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code /api -> /v1 -> /users}: each router's middleware covers its own routes and those of the
 * routers it includes, outermost first, and nothing else.
 */
class NestedRoutersTest extends MiddlewareAppTest {
    @Test
    void theV1MiddlewareCoversV1AndTheUsersRouterInsideIt(AuroraTestClient client) {
        client.get("/api/v1/me").header("Authorization", ALICE).send().assertHeader("Api-Version", "1");
        client.get("/api/v1/users").header("Authorization", ALICE).send().assertHeader("Api-Version", "1");
        assertNull(client.get("/health").send().header("Api-Version"), "not outside /api/v1");
    }

    @Test
    void theUsersRateLimitCoversOnlyTheUsersRouter(AuroraTestClient client) {
        spendBurst(client, BOB);
        client.get("/api/v1/users").header("Authorization", BOB).send().assertStatus(429);
        client.get("/api/v1/me").header("Authorization", BOB).send().assertStatus(200);
    }

    @Test
    void authenticationRunsBeforeTheRateLimitSoStrangersSpendNoBudget(AuroraTestClient client) {
        for (int i = 0; i < 10; i++) {
            client.get("/api/v1/users").header("Authorization", "Bearer forged").send().assertStatus(401);
        }
        client.get("/api/v1/users").header("Authorization", BOB).send().assertStatus(200);
    }

    @Test
    void anUnmatchedPathIsAPlain404NoRoutersMiddlewareRuns(AuroraTestClient client) {
        // Router middleware wraps routes, not paths: /api/v1/nope matches no route, so BearerAuth
        // never sees it (application middleware, such as Cors, does).
        TestResponse missing = client.get("/api/v1/nope").send().assertStatus(404);
        assertNull(missing.header("WWW-Authenticate"));
        assertNull(missing.header("Api-Version"));
    }

    @Test
    void theRouteMiddlewareRunsLastAroundTheHandler(AuroraTestClient client) {
        TestResponse created = client.post("/api/v1/users").header("Authorization", ALICE)
                .json(new NewUser("Ada", "ada@example.com")).send()
                .assertStatus(201)
                .assertHeader("Api-Version", "1")
                .assertHeader("Location", "/api/v1/users/1");
        assertEquals(new User(1, "Ada", "ada@example.com"), created.json(User.class));
        client.get("/api/v1/users/1").header("Authorization", BOB).send()
                .assertStatus(200)
                .assertJson("{\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}");

        var invalid = client.post("/api/v1/users").header("Authorization", ALICE)
                .json(new NewUser("", "not-an-address")).send()
                .assertStatus(400)
                .problem();
        assertEquals(2, invalid.violations().size());
        client.delete("/api/v1/users/1").header("Authorization", ALICE).send().assertStatus(204);
        client.delete("/api/v1/users/1").header("Authorization", ALICE).send().assertStatus(404);
    }
}
