package dev.aurora.examples.middleware.tests;

import dev.aurora.Aurora;
import dev.aurora.examples.middleware.MiddlewareApp;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestApp;

/** The base of the tests: each test gets an application of its own, with fresh rate-limit budgets. */
@AuroraTest
abstract class MiddlewareAppTest {
    static final String ALICE = "Bearer alice-token";
    static final String BOB = "Bearer bob-token";

    @TestApp
    Aurora app() {
        return MiddlewareApp.create(MiddlewareApp.DEFAULTS.withPort(0));
    }

    /** Spends the whole burst of 5 calls {@code token}'s user has on the users router. */
    static void spendBurst(AuroraTestClient client, String token) {
        for (int i = 0; i < 5; i++) {
            client.get("/api/v1/users").header("Authorization", token).send().assertStatus(200);
        }
    }
}
