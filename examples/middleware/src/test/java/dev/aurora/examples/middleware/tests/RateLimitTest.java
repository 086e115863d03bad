package dev.aurora.examples.middleware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import org.junit.jupiter.api.Test;

/** The users router allows each user bursts of 5 calls, then one every 6 seconds. */
class RateLimitTest extends MiddlewareAppTest {
    @Test
    void theSixthCallInABurstIs429WithRetryAfter(AuroraTestClient client) {
        spendBurst(client, BOB);
        var refused = client.get("/api/v1/users").header("Authorization", BOB).send()
                .assertStatus(429)
                .assertHeader("Content-Type", "application/problem+json");
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "at most one interval: " + retryAfter);
        Problem problem = refused.problem();
        assertEquals(429, problem.status());
    }

    @Test
    void eachUserHasABudgetOfTheirOwn(AuroraTestClient client) {
        spendBurst(client, BOB);
        client.get("/api/v1/users").header("Authorization", BOB).send().assertStatus(429);
        client.get("/api/v1/users").header("Authorization", ALICE).send().assertStatus(200);
    }

    @Test
    void aRefusedCallKeepsTheCorsHeaders(AuroraTestClient client) {
        spendBurst(client, BOB);
        client.get("/api/v1/users").header("Authorization", BOB).header("Origin", "https://app.example.com").send()
                .assertStatus(429)
                .assertHeader("Access-Control-Allow-Origin", "https://app.example.com");
    }
}
