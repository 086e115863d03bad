package dev.aurora.examples.middleware.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.aurora.examples.middleware.Audit;
import dev.aurora.examples.middleware.NewUser;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.LogCapture;
import dev.aurora.test.LogLine;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

/** Request ids on every answer, one access log event per request, and the audit lines that join up with both. */
class RequestLogTest extends MiddlewareAppTest {
    @Test
    void everyAnswerCarriesARequestIdAlsoInItsProblem(AuroraTestClient client) {
        var ok = client.get("/health").send().assertStatus(200);
        assertNotNull(ok.header("X-Request-Id"));
        var refused = client.get("/api/v1/users").send().assertStatus(401);
        assertEquals(refused.header("X-Request-Id"), refused.problem().extensions().get("requestId"));
    }

    @Test
    void aValidRequestIdFromTheClientIsKept(AuroraTestClient client) {
        client.get("/health").header("X-Request-Id", "order-42.retry-1").send()
                .assertHeader("X-Request-Id", "order-42.retry-1");
        String replaced = client.get("/health").header("X-Request-Id", "no spaces allowed").send().header("X-Request-Id");
        assertNotNull(replaced);
        assertEquals(false, replaced.contains(" "));
    }

    @Test
    void eachRequestIsOneAccessLogEvent(AuroraTestClient client) {
        try (LogCapture access = LogCapture.attach("dev.aurora.access", Level.INFO)) {
            client.get("/api/v1/users/7").header("Authorization", ALICE).header("X-Request-Id", "access-1").send()
                    .assertStatus(404);
            LogLine line = access.await(l -> "access-1".equals(l.keyValue("requestId")));
            assertEquals("GET", line.keyValue("method"));
            assertEquals("/api/v1/users/:id", line.keyValue("route"));
            assertEquals("/api/v1/users/7", line.keyValue("path"));
            assertEquals("404", line.keyValue("status"));
        }
    }

    @Test
    void aChangeIsAuditedWithWhoAndTheRequestId(AuroraTestClient client) {
        try (LogCapture audit = LogCapture.attach(Audit.LOGGER, Level.INFO)) {
            client.post("/api/v1/users").header("Authorization", ALICE).header("X-Request-Id", "audit-1")
                    .json(new NewUser("Ada", "ada@example.com")).send()
                    .assertStatus(201);
            LogLine created = audit.await(l -> "audit-1".equals(l.mdc().get("requestId")));
            assertEquals("POST /api/v1/users 201 by alice", created.message());
            assertEquals("alice", created.keyValue("subject"));

            client.delete("/api/v1/users/99").header("Authorization", ALICE).header("X-Request-Id", "audit-2").send()
                    .assertStatus(404);
            LogLine missing = audit.await(l -> "audit-2".equals(l.mdc().get("requestId")));
            assertEquals("404", missing.keyValue("status"), "refused changes are audited too");
        }
    }

    @Test
    void readsAreNotAudited(AuroraTestClient client) {
        try (LogCapture audit = LogCapture.attach(Audit.LOGGER, Level.INFO)) {
            client.get("/api/v1/users").header("Authorization", ALICE).header("X-Request-Id", "read-1").send()
                    .assertStatus(200);
            client.post("/api/v1/users").header("Authorization", ALICE).header("X-Request-Id", "write-1")
                    .json(new NewUser("Ada", "ada@example.com")).send();
            audit.await(l -> "write-1".equals(l.mdc().get("requestId")));
            assertEquals(false, audit.contains(l -> "read-1".equals(l.mdc().get("requestId"))));
        }
    }
}
