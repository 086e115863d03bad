package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.test.RawConnection;
import dev.aurora.test.TestResponse;
import dev.aurora.tests.support.ServerProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A handler's {@link StackOverflowError} and {@link OutOfMemoryError} are answered with a
 * {@code 500} like any other failure, and the server goes on serving.
 */
class HandlerFaultsTest extends ServerTestSupport {

    @Test
    void deepRecursionIs500AndTheConnectionIsKept() {
        start(app -> app.get("/so", ctx -> ctx.send("depth " + recurse(0)))
                .get("/ok", ctx -> ctx.send("ok")));
        RawConnection client = client();
        client.send(RawConnection.get("/so") + RawConnection.get("/ok"));
        TestResponse r = client.readResponse();
        assertEquals(500, r.status(), r::toString);
        assertEquals("application/problem+json", r.header("Content-Type"), r::toString);
        assertFalse(r.closesConnection(), r::toString);
        assertFalse(r.bodyString().contains("StackOverflow"), r::bodyString);
        assertEquals("ok", client.readResponse().bodyString());
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void aHandlerThatExhaustsTheHeapIs500AndTheServerStaysHealthy() throws Exception {
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx64m", "-XX:+UseSerialGC"), FaultMain.class)) {
            for (int round = 0; round < 3; round++) {
                try (RawConnection client = RawConnection.open(server.port(), Duration.ofSeconds(30))) {
                    client.send(RawConnection.get("/oom"));
                    TestResponse r = client.readResponse();
                    assertEquals(500, r.status(), () -> r + "\n" + server.output());
                    assertEquals("application/problem+json", r.header("Content-Type"), r::toString);
                    assertTrue(r.closesConnection(), r::toString);
                    client.assertClosedByServer();
                }
                try (RawConnection client = RawConnection.open(server.port())) {
                    for (int i = 0; i < 20; i++) {
                        client.send(RawConnection.get("/plaintext"));
                        assertEquals("Hello, World!", client.readResponse().bodyString(), server::output);
                    }
                }
            }
            assertTrue(server.alive(), server::output);
            assertTrue(server.output().contains("OutOfMemoryError"), "the fault is logged:\n" + server.output());
        }
    }
}
