package dev.aurora.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.server.RawClient.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MaxConnectionsTest extends ServerTestSupport {

    @BeforeEach
    void startServer() {
        start(config().withMaxConnections(2), app -> app.get("/", ctx -> ctx.send("ok")));
    }

    private RawClient heldConnection() {
        RawClient c = client();
        c.send(RawClient.get("/"));
        Response r = c.readResponse();
        assertEquals(200, r.status(), r::toString);
        return c;
    }

    @Test
    void connectionBeyondTheLimitGets503AndIsClosed() {
        heldConnection();
        heldConnection();
        RawClient third = client();
        long start = System.nanoTime();
        third.send(RawClient.get("/"));
        Response r = third.readResponse();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.status(), r::toString);
        assertTrue(r.connectionClose(), r::toString);
        assertEquals(String.valueOf(r.body().length), r.header("Content-Length"));
        assertTrue(elapsedMillis < 1000, "503 took " + elapsedMillis + " ms");
        third.assertClosedByServer();
    }

    @Test
    void overloadedClientThatSendsNothingStillGets503() {
        heldConnection();
        heldConnection();
        RawClient third = client();
        Response r = third.readResponse();
        assertEquals(503, r.status(), r::toString);
        third.assertClosedByServer();
    }

    @Test
    void closingAHeldConnectionFreesASlot() {
        RawClient first = heldConnection();
        RawClient second = heldConnection();
        first.close();
        await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            try (RawClient c = new RawClient(port, Duration.ofSeconds(2))) {
                c.send(RawClient.get("/"));
                Response r = c.readResponse();
                assertEquals(200, r.status(), r::toString);
            }
        });
        // The surviving held connection still works.
        second.send(RawClient.get("/"));
        assertEquals("ok", second.readResponse().bodyString());
    }
}
