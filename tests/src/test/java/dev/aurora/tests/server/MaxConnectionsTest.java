package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaxConnectionsTest extends ServerTestSupport {

    @BeforeEach
    void startServer() {
        start(config().withMaxConnections(2), app -> app.get("/", ctx -> ctx.send("ok")));
    }

    private RawConnection heldConnection() {
        RawConnection c = client();
        c.send(RawConnection.get("/"));
        TestResponse r = c.readResponse();
        assertEquals(200, r.status(), r::toString);
        return c;
    }

    @Test
    void connectionBeyondTheLimitGets503AndIsClosed() {
        heldConnection();
        heldConnection();
        RawConnection third = client(Duration.ofSeconds(30));
        long start = System.nanoTime();
        third.send(RawConnection.get("/"));
        TestResponse r = third.readResponse();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        assertEquals("1", r.header("Retry-After"), r::toString);
        assertTrue(elapsedMillis < 15_000, "503 took " + elapsedMillis + " ms");
        third.assertClosedByServer();
    }

    @Test
    void overloadedClientThatSendsNothingStillGets503() {
        heldConnection();
        heldConnection();
        RawConnection third = client();
        TestResponse r = third.readResponse();
        assertEquals(503, r.status(), r::toString);
        third.assertClosedByServer();
    }

    @Test
    void everyConnectionOfABurstThatStaysOpenGets503WithRetryAfter() {
        RawConnection held = heldConnection();
        heldConnection();
        // More than any per-connection responder bound: each refused client keeps its side open
        // until it has read, so the server lingers on all of them at once.
        int burst = 600;
        List<RawConnection> refused = new ArrayList<>();
        try {
            for (int i = 0; i < burst; i++) {
                refused.add(RawConnection.open(port, Duration.ofSeconds(10)));
            }
            int answered = 0;
            for (RawConnection c : refused) {
                TestResponse r = c.readResponse();
                assertEquals(503, r.status(), r::toString);
                assertEquals("1", r.header("Retry-After"), r::toString);
                answered++;
            }
            assertEquals(burst, answered);
        } finally {
            refused.forEach(RawConnection::close);
        }
        held.send(RawConnection.get("/"));
        assertEquals("ok", held.readResponse().bodyString());
    }

    @Test
    void closingAHeldConnectionFreesASlot() {
        RawConnection first = heldConnection();
        RawConnection second = heldConnection();
        first.close();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            try (RawConnection c = RawConnection.open(port, Duration.ofSeconds(2))) {
                c.send(RawConnection.get("/"));
                TestResponse r = c.readResponse();
                assertEquals(200, r.status(), r::toString);
            }
        });
        // The surviving held connection still works.
        second.send(RawConnection.get("/"));
        assertEquals("ok", second.readResponse().bodyString());
    }
}
