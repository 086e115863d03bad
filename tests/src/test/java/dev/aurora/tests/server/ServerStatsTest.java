package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerStats;
import dev.aurora.test.TestResponse;
import dev.aurora.test.RawConnection;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code app.stats()} over real sockets, with no meter registry anywhere. */
class ServerStatsTest extends ServerTestSupport {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private ServerStats stats() {
        return app.stats();
    }

    @Test
    void allZeroBeforeStartAndImmutable() {
        Aurora fresh = Aurora.create();
        ServerStats s = fresh.stats();
        assertEquals(0, s.requests());
        assertEquals(0, s.connectionsAccepted());
        assertEquals(0, s.activeConnections());
        assertEquals(0, s.parseErrorsTotal());
        assertEquals(0, s.buffers().outstanding());
        assertTrue(s.parseErrors().containsKey(431), s::toString);
        assertThrows(UnsupportedOperationException.class, () -> s.parseErrors().put(400, 1L));
    }

    @Test
    void countsRequestsConnectionsAndBytesOfAKnownSequence() {
        start(app -> app.get("/hello", ctx -> ctx.send("hi")));
        RawConnection c = client();
        String request = RawConnection.get("/hello");
        for (int i = 0; i < 3; i++) {
            c.send(request);
            TestResponse r = c.readResponse();
            assertEquals(200, r.status(), r::toString);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            ServerStats s = stats();
            assertEquals(3, s.requests(), s::toString);
            assertEquals(1, s.connectionsAccepted(), s::toString);
            assertEquals(1, s.activeConnections(), s::toString);
            assertEquals(0, s.activeRequests(), s::toString);
            assertEquals(3L * request.length(), s.bytesRead(), s::toString);
            assertTrue(s.buffers().hits() + s.buffers().misses() >= 2, s::toString);
            // Between requests the connection is idle and holds no buffer.
            assertEquals(0, s.buffers().outstanding(), s::toString);
        });
        c.close();
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(0, stats().activeConnections());
            assertEquals(0, stats().buffers().outstanding());
        });
    }

    @Test
    void bytesWrittenAreExactlyWhatTheClientReceived() {
        start(app -> app.get("/hello", ctx -> ctx.send("hi")));
        RawConnection c = client();
        String pipelined = RawConnection.get("/hello").repeat(2) + "GET /hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        c.send(pipelined);
        long received = c.drainUntilClosed(WAIT);
        await().atMost(WAIT).untilAsserted(() -> {
            ServerStats s = stats();
            assertEquals(3, s.requests(), s::toString);
            assertEquals(pipelined.length(), s.bytesRead(), s::toString);
            assertEquals(received, s.bytesWritten(), s::toString);
            assertEquals(0, s.activeConnections(), s::toString);
        });
    }

    @Test
    void activeRequestsIsAGauge() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(app -> app.get("/slow", ctx -> {
            entered.countDown();
            release.await();
            ctx.send("done");
        }));
        RawConnection c = client();
        c.send(RawConnection.get("/slow"));
        assertTrue(entered.await(5, TimeUnit.SECONDS));
        assertEquals(1, stats().activeRequests());
        assertEquals(0, stats().requests());
        release.countDown();
        assertEquals(200, c.readResponse().status());
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(0, stats().activeRequests());
            assertEquals(1, stats().requests());
        });
    }

    @Test
    void connectionsRejectedAtMaxConnectionsAreCounted() {
        start(config().withMaxConnections(1), app -> app.get("/", ctx -> ctx.send("ok")));
        RawConnection held = client();
        held.send(RawConnection.get("/"));
        assertEquals(200, held.readResponse().status());
        RawConnection second = client();
        second.send(RawConnection.get("/"));
        assertEquals(503, second.readResponse().status());
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, stats().connectionsRejected());
            assertEquals(1, stats().connectionsAccepted());
        });
    }

    @Test
    void headTimeoutCountsAsTimedOutAnd408() {
        start(config().withHeaderTimeout(Duration.ofMillis(200)), app -> app.get("/", ctx -> ctx.send("ok")));
        RawConnection c = client();
        c.send("GET / HTTP/1.1\r\nHost: loc");
        assertEquals(408, c.readResponse().status());
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, stats().connectionsTimedOut());
            assertEquals(1, stats().parseErrors(408));
            assertEquals(0, stats().requests());
        });
    }

    @Test
    void parseErrorsAreCountedByStatus() {
        start(config().withMaxRequestLineLength(64).withMaxHeaderSize(256),
                app -> app.get("/", ctx -> ctx.send("ok")));
        expect(400, "GET / HTTP/1.1\nHost: x\r\n\r\n");
        expect(400, "GET\u0001/ HTTP/1.1\r\nHost: x\r\n\r\n");
        expect(414, RawConnection.get("/" + "a".repeat(100)));
        expect(431, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(400) + "\r\n\r\n");
        expect(505, "GET / HTTP/2.5\r\nHost: x\r\n\r\n");
        await().atMost(WAIT).untilAsserted(() -> {
            ServerStats s = stats();
            assertEquals(2, s.parseErrors(400), s::toString);
            assertEquals(1, s.parseErrors(414), s::toString);
            assertEquals(1, s.parseErrors(431), s::toString);
            assertEquals(1, s.parseErrors(505), s::toString);
            assertEquals(5, s.parseErrorsTotal(), s::toString);
            assertEquals(0, s.requests(), s::toString);
            assertEquals(5, s.connectionsAccepted(), s::toString);
            assertTrue(s.bytesRead() > 0 && s.bytesWritten() > 0, s::toString);
        });
    }

    @Test
    void bodyErrorsAreCountedToo() {
        start(config().withMaxBodySize(16), app -> app.post("/", ctx -> ctx.send(ctx.body())));
        expect(413, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n" + "x".repeat(100));
        await().atMost(WAIT).untilAsserted(() -> assertEquals(1, stats().parseErrors(413), stats()::toString));
    }

    private void expect(int status, String request) {
        RawConnection c = client();
        c.send(request);
        TestResponse r = c.readResponse();
        assertEquals(status, r.status(), () -> request + " -> " + r);
    }
}
