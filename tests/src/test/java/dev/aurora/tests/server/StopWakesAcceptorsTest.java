package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.ServerStats;
import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * stop() connects to its own listener so blocked accepts return at once: those wake-up connections
 * are never served nor counted, every acceptor thread ends, and the port refuses afterwards.
 */
class StopWakesAcceptorsTest extends ServerTestSupport {
    @Test
    void wakeUpConnectionsAreNotServedOrCounted() throws Exception {
        start(config().withAcceptorThreads(3), app -> app.get("/hello", ctx -> ctx.send("hi")));
        String prefix = "aurora-acceptor-" + port + "-";
        assertEquals(3, acceptorThreads(prefix));
        try (RawConnection c = RawConnection.open(port)) {
            c.send(RawConnection.get("/hello"));
            TestResponse r = c.readResponse();
            assertEquals(200, r.status(), r::toString);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0);

        app.stop();

        ServerStats s = app.stats();
        assertEquals(1, s.connectionsAccepted(), s::toString);
        assertEquals(1, s.requests(), s::toString);
        assertEquals(0, s.parseErrorsTotal(), s::toString);
        assertEquals(0, s.connectionsRejected(), s::toString);
        assertEquals(0, acceptorThreads(prefix), "every acceptor has ended when stop returns");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    @Test
    void aWildcardListenerIsWokenOverLoopback() throws IOException {
        start(config().withHost("0.0.0.0").withAcceptorThreads(2), app -> app.get("/", ctx -> ctx.send("ok")));
        String prefix = "aurora-acceptor-" + port + "-";
        app.stop();
        assertEquals(0, acceptorThreads(prefix));
        assertEquals(0, app.stats().connectionsAccepted());
    }

    private static long acceptorThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .count();
    }
}
