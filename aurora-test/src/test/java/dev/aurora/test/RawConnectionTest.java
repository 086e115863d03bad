package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RawConnection}: an interactive socket conversation, read one response at a time. */
class RawConnectionTest {
    private final Aurora app = Aurora.create()
            .get("/hi", ctx -> ctx.send("hi"))
            .post("/echo", ctx -> ctx.send("got " + ctx.bodyString()))
            .get("/short", ctx -> {
                ctx.header("Content-Length", "10");
                ctx.outputStream().write("0123".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            });
    private final AuroraTestClient client = AuroraTestClient.http(app);

    @AfterEach
    void stop() {
        client.close();
    }

    @Test
    void readsResponsesOneAtATimeWhileTheConnectionStaysOpen() {
        try (RawConnection c = client.rawConnection()) {
            c.send(RawConnection.get("/hi") + RawConnection.get("/hi"));
            c.readResponse().assertStatus(200).assertBody("hi");
            c.readResponse().assertStatus(200).assertBody("hi");
            c.assertNoDataWithin(Duration.ofMillis(50));
            c.send("HEAD /hi HTTP/1.1\r\nHost: x\r\n\r\n");
            TestResponse head = c.readHeadResponse().assertStatus(200);
            assertEquals(0, head.body().length);
            c.send("GET /hi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(c.readResponse().closesConnection());
            c.assertClosedByServer();
        }
    }

    @Test
    void aRequestCanBeSentInPartsAfterAnInterimResponse() {
        try (RawConnection c = RawConnection.open(app.port())) {
            c.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
            c.readResponse().assertStatus(100);
            c.send("abc");
            c.readResponse().assertStatus(200).assertBody("got abc");
        }
    }

    @Test
    void aResponseCutOffInsideItsBodyIsReadAsIncomplete() {
        try (RawConnection c = client.rawConnection(Duration.ofSeconds(10))) {
            c.send(RawConnection.get("/short"));
            RawConnection.Partial partial = c.readPartialResponse();
            assertFalse(partial.complete());
            assertEquals("0123", partial.response().bodyString());
            assertEquals("10", partial.response().header("Content-Length"));
        }
        try (RawConnection c = client.rawConnection()) {
            c.send(RawConnection.get("/hi"));
            RawConnection.Partial whole = c.readPartialResponse();
            assertTrue(whole.complete());
            assertEquals("hi", whole.response().bodyString());
        }
    }

    @Test
    void drainCountsEverythingUntilTheServerCloses() {
        try (RawConnection c = client.rawConnection()) {
            c.send("GET /hi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(c.drainUntilClosed(Duration.ofSeconds(5)) > "hi".length());
        }
    }

    @Test
    void anInProcessClientHasNoSocket() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AuroraTestClient.of(app).rawConnection());
        assertTrue(e.getMessage().contains("AuroraTestClient.http(app)"), e.getMessage());
        assertFalse(AuroraTestClient.of(app).overSocket());
        assertTrue(client.overSocket());
    }
}
