package dev.aurora.internal.inprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A kept-alive connection served in memory on the calling thread, request by request. */
class InProcessConnectionTest {
    private static final byte[] GET = bytes("GET /n HTTP/1.1\r\nHost: x\r\n\r\n");

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Answers GET /n with how many requests it has served so far. */
    private static Aurora app(ServerConfig config, AtomicInteger counter) {
        return Aurora.create(config).get("/n", ctx -> ctx.send(String.valueOf(counter.incrementAndGet())));
    }

    @Test
    void theConnectionStaysOpenAcrossExchanges() {
        AtomicInteger counter = new AtomicInteger();
        Aurora app = app(ServerConfig.defaults(), counter);
        try (InProcessConnection connection = InProcess.connect(app)) {
            String first = text(connection.exchange(GET));
            String second = text(connection.exchange(GET));

            assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n") && first.endsWith("\r\n\r\n1"), first);
            assertTrue(second.endsWith("\r\n\r\n2"), second);
            assertFalse(second.contains("Connection: close"), second);
            assertTrue(connection.isOpen());
        }
    }

    @Test
    void pipelinedRequestsInOneExchangeAreAllAnswered() {
        AtomicInteger counter = new AtomicInteger();
        Aurora app = app(ServerConfig.defaults(), counter);
        try (InProcessConnection connection = InProcess.connect(app)) {
            String answers = text(connection.exchange(bytes("GET /n HTTP/1.1\r\nHost: x\r\n\r\n".repeat(3))));

            assertEquals(3, answers.split("HTTP/1.1 200 OK", -1).length - 1, answers);
            assertTrue(answers.endsWith("\r\n\r\n3"), answers);
        }
    }

    @Test
    void theRequestLimitClosesTheConnection() {
        AtomicInteger counter = new AtomicInteger();
        Aurora app = app(ServerConfig.defaults().withMaxRequestsPerConnection(2), counter);
        InProcessConnection connection = InProcess.connect(app);

        assertFalse(text(connection.exchange(GET)).contains("Connection: close"));
        assertTrue(text(connection.exchange(GET)).contains("Connection: close\r\n"));
        assertFalse(connection.isOpen());
        assertThrows(IllegalStateException.class, () -> connection.exchange(GET));
    }

    @Test
    void aMalformedRequestGets400AndClosesWithoutServingTheRest() {
        AtomicInteger counter = new AtomicInteger();
        Aurora app = app(ServerConfig.defaults(), counter);
        InProcessConnection connection = InProcess.connect(app);

        String answer = text(connection.exchange(bytes("GET /n HTTP/1.1\r\nHost: x\r\nBad Header: 1\r\n\r\n"
                + "GET /n HTTP/1.1\r\nHost: x\r\n\r\n")));

        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertEquals(1, answer.split("HTTP/1.1 ", -1).length - 1, answer);
        assertEquals(0, counter.get());
        assertFalse(connection.isOpen());
    }

    @Test
    void discardingExchangeCountsTheBytes() {
        Aurora app = app(ServerConfig.defaults(), new AtomicInteger());
        try (InProcessConnection connection = InProcess.connect(app)) {
            int expected = connection.exchange(GET).length;

            assertEquals(expected, connection.exchangeDiscarding(GET));
            assertEquals(expected, connection.exchange(GET).length, "nothing left over from the discarded answer");
        }
    }

    @Test
    void anOpenConnectionCountsAgainstMaxConnectionsUntilClosed() {
        Aurora app = app(ServerConfig.defaults().withMaxConnections(1), new AtomicInteger());
        InProcessConnection first = InProcess.connect(app);

        IllegalStateException full = assertThrows(IllegalStateException.class, () -> InProcess.connect(app));
        assertEquals("maxConnections (1) reached", full.getMessage());

        first.close();
        first.close(); // idempotent: the permit is returned once
        try (InProcessConnection second = InProcess.connect(app)) {
            assertTrue(text(second.exchange(GET)).startsWith("HTTP/1.1 200"));
        }
        try (InProcessConnection third = InProcess.connect(app)) {
            assertTrue(third.isOpen());
        }
    }

    @Test
    void handlerFailureIsA500AndTheConnectionStaysUsable() {
        Aurora app = Aurora.create().get("/boom", ctx -> {
            throw new IllegalStateException("internal");
        }).get("/ok", ctx -> ctx.send("ok"));
        try (InProcessConnection connection = InProcess.connect(app)) {
            assertTrue(text(connection.exchange(bytes("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n"))).startsWith("HTTP/1.1 500"));
            assertTrue(text(connection.exchange(bytes("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"))).endsWith("\r\n\r\nok"));
        }
    }

    @Test
    void buffersGoBackToThePoolOnEveryWayOut() {
        Aurora app = app(ServerConfig.defaults().withMaxHeaderSize(64 * 1024), new AtomicInteger());
        var pool = InProcess.runtime(app).buffers();

        try (InProcessConnection connection = InProcess.connect(app)) {
            connection.exchange(GET);
            assertEquals(2, pool.stats().outstanding(), "a read and a write buffer while open");
        }
        assertEquals(0, pool.stats().outstanding(), "closed by the client");

        InProcessConnection limit = InProcess.connect(app);
        limit.exchange(bytes("GET /n HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        assertFalse(limit.isOpen());
        assertEquals(0, pool.stats().outstanding(), "closed by the server");

        InProcessConnection bad = InProcess.connect(app);
        bad.exchange(bytes("BAD\r\n\r\n"));
        assertEquals(0, pool.stats().outstanding(), "closed after a protocol error");

        // A 20 KiB header makes the read buffer grow into a larger class, which must go back too.
        InProcessConnection big = InProcess.connect(app);
        String answer = text(big.exchange(bytes("GET /n HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")));
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
        assertEquals(2, pool.stats().outstanding(), "the grown buffer replaced the first one");
        big.close();
        assertEquals(0, pool.stats().outstanding());

        long hitsBefore = pool.stats().hits();
        for (int i = 0; i < 10; i++) {
            try (InProcessConnection c = InProcess.connect(app)) {
                c.exchange(GET);
            }
        }
        assertEquals(0, pool.stats().outstanding());
        assertTrue(pool.stats().hits() - hitsBefore >= 20, "both buffers of every connection are reused: " + pool);
    }
}
