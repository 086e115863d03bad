package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every deadline a slow, silent or stuck client meets: the whole head, each body wait and the
 * minimum body rate, the first request of a new connection, keep-alive, and socket writes.
 */
class ConnectionTimeoutsTest extends ServerTestSupport {
    private ScheduledExecutorService scheduler;

    @BeforeEach
    void createScheduler() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void slowlorisHeadIsCutOffWith408() {
        start(config().withHeaderTimeout(Duration.ofMillis(500)), app -> app.get("/", ctx -> ctx.send("ok")));
        RawConnection client = client(Duration.ofSeconds(30));
        byte[] head = ("GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + "s".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        // One byte every 200 ms: the whole head would take 45 s.
        scheduler.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < head.length) {
                client.send(new byte[] {head[i]});
            }
        }, 0, 200, TimeUnit.MILLISECONDS);
        TestResponse r = client.readResponse();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(408, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        assertTrue(elapsedMillis >= 400 && elapsedMillis < 20_000, "408 after " + elapsedMillis + " ms");
        assertTrue(next.get() < head.length, "the head was cut off before it was complete");
        client.assertClosedByServer();
    }

    @Test
    void stalledBodyIs408() {
        start(config().withBodyReadTimeout(Duration.ofMillis(500)),
                app -> app.post("/echo", ctx -> ctx.send("got " + ctx.body().length)));
        RawConnection client = client(Duration.ofSeconds(30));
        long start = System.nanoTime();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc");
        TestResponse r = client.readResponse();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(408, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        assertTrue(elapsedMillis >= 400 && elapsedMillis < 20_000, "408 after " + elapsedMillis + " ms");
        client.assertClosedByServer();
        assertEquals(1, app.stats().connectionsTimedOut(), () -> app.stats().toString());
        assertEquals(1, app.stats().parseErrors(408), () -> app.stats().toString());
    }

    @Test
    void stalledChunkedBodyIs408() {
        start(config().withBodyReadTimeout(Duration.ofMillis(500)),
                app -> app.post("/echo", ctx -> ctx.send("got " + ctx.body().length)));
        RawConnection client = client();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
        TestResponse r = client.readResponse();
        assertEquals(408, r.status(), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        client.assertClosedByServer();
    }

    @Test
    void clientThatStopsReadingIsDisconnectedByTheWriteTimeout() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong written = new AtomicLong();
        long total = 64L * 1024 * 1024;
        start(config().withWriteTimeout(Duration.ofMillis(500)), app -> {
            app.get("/", ctx -> ctx.send("ok"));
            app.get("/big", ctx -> {
                byte[] chunk = new byte[64 * 1024];
                try (OutputStream out = ctx.outputStream()) {
                    while (written.get() < total) {
                        out.write(chunk);
                        written.addAndGet(chunk.length);
                    }
                } catch (IOException | UncheckedIOException e) {
                    failure.set(e);
                    throw e;
                }
            });
        });
        RawConnection stuck = track(RawConnection.open(port, Duration.ofSeconds(5), 4096));
        long start = System.nanoTime();
        stuck.send(RawConnection.get("/big"));
        // The client never reads: the server's write blocks until the watchdog closes the socket.
        await().atMost(Duration.ofSeconds(5)).until(() -> failure.get() != null);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(IOException.class, failure.get());
        assertTrue(written.get() < total, "the handler could not have written everything");
        assertTrue(elapsedMillis >= 400, "write timeout fired after only " + elapsedMillis + " ms");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(
                () -> assertEquals(1, app.stats().connectionsTimedOut(), () -> app.stats().toString()));

        // Other clients are still served.
        RawConnection other = client();
        other.send(RawConnection.get("/"));
        assertEquals("ok", other.readResponse().bodyString());

        // The stuck connection was closed by the server: reading it to the end terminates,
        // with far fewer bytes than the response would have had.
        long received = stuck.drainUntilClosed(Duration.ofSeconds(3));
        assertTrue(received < total, "received " + received);
    }

    @Test
    void bodyTrickledAtOneBytePerTwoSecondsIsCutByTheMinimumRate() {
        // Each gap (2 s) is well inside bodyReadTimeout (10 s): only the rate can end this body.
        start(config().withBodyReadTimeout(Duration.ofSeconds(10)).withMinBodyRate(1)
                        .withBodyRateGrace(Duration.ofSeconds(3)),
                app -> app.post("/echo", ctx -> ctx.send("got " + ctx.body().length)));
        RawConnection client = client(Duration.ofSeconds(30));
        long start = System.nanoTime();
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n");
        AtomicInteger sent = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() <= 100) {
                client.send("a");
            }
        }, 2, 2, TimeUnit.SECONDS);
        TestResponse r = client.readResponse();
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(408, r.status(), r::toString);
        assertEquals("application/problem+json", r.header("Content-Type"), r::toString);
        assertTrue(r.closesConnection(), r::toString);
        // Allowance: 3 s grace + 1 s per byte received, against 2 s of waiting per byte: spent at ~5 s.
        assertTrue(sent.get() >= 1 && sent.get() < 10, "cut after " + sent.get() + " bytes");
        assertTrue(elapsedMillis >= 2_000 && elapsedMillis < 20_000, "408 after " + elapsedMillis + " ms");
        client.assertClosedByServer();
        assertEquals(1, app.stats().parseErrors(408), () -> app.stats().toString());
    }

    @Test
    void aBodyAtTheMinimumRateIsReadWhole() {
        start(config().withMinBodyRate(1).withBodyRateGrace(Duration.ofMillis(500)),
                app -> app.post("/echo", ctx -> ctx.send("got " + ctx.body().length)));
        RawConnection client = client(Duration.ofSeconds(30));
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\n");
        // A byte every 300 ms is faster than 1 B/s: the allowance only grows.
        AtomicInteger sent = new AtomicInteger();
        scheduler.scheduleAtFixedRate(() -> {
            if (sent.incrementAndGet() <= 4) {
                client.send("b");
            }
        }, 300, 300, TimeUnit.MILLISECONDS);
        TestResponse r = client.readResponse();
        assertEquals(200, r.status(), r::toString);
        assertEquals("got 4", r.bodyString());
    }

    @Test
    void thousandSilentConnectionsAreClosedByTheFirstRequestTimeout() throws Exception {
        start(config().withFirstRequestTimeout(Duration.ofMillis(500)), app -> app.get("/", ctx -> ctx.send("ok")));
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 1_000; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port));
                s.setSoTimeout(15_000);
                silent.add(s);
            }
            await().atMost(Duration.ofSeconds(15)).until(() -> app.stats().connectionsAccepted() >= 1_000);
            // Each one is closed by the server without a response: the read ends at once.
            for (Socket s : silent) {
                try (InputStream in = s.getInputStream()) {
                    assertEquals(-1, in.read(), "silent connection got bytes");
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0);
        } finally {
            for (Socket s : silent) {
                s.close();
            }
        }
        RawConnection client = client();
        client.send(RawConnection.get("/"));
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void aServedConnectionIsKeptForTheKeepAliveTimeoutNotTheFirstRequestTimeout() {
        start(config().withFirstRequestTimeout(Duration.ofMillis(300)).withKeepAliveTimeout(Duration.ofSeconds(30)),
                app -> app.get("/", ctx -> ctx.send("ok")));
        RawConnection client = client();
        client.send(RawConnection.get("/"));
        assertEquals("ok", client.readResponse().bodyString());
        // Three first-request timeouts pass with the connection still open.
        client.assertNoDataWithin(Duration.ofMillis(1_000));
        assertEquals(1, app.stats().activeConnections(), () -> app.stats().toString());
        client.send(RawConnection.get("/"));
        assertEquals("ok", client.readResponse().bodyString());
    }

    @Test
    void theFirstRequestTimeoutDoesNotCutARequestWhoseHeadIsUnderway() {
        start(config().withFirstRequestTimeout(Duration.ofMillis(300)).withHeaderTimeout(Duration.ofSeconds(10)),
                app -> app.get("/", ctx -> ctx.send("ok")));
        RawConnection client = client();
        client.send("GET / HTTP/1.1\r\n");
        client.assertNoDataWithin(Duration.ofMillis(800));
        client.send("Host: x\r\n\r\n");
        assertEquals("ok", client.readResponse().bodyString());
    }
}
