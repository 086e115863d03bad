package dev.aurora.tests.framework;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.sse.SseEmitter;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestConnection;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How an event stream ends: the client goes away, the server stops, another thread closes it. */
class SseLifecycleTest {
    /** Never counted down: a handler waiting on it blocks until interrupted. */
    static final CountDownLatch NEVER = new CountDownLatch(1);

    @Test
    void aVanishedClientIsDetectedByTheHeartbeat() throws Exception {
        AtomicReference<SseEmitter> emitter = new AtomicReference<>();
        AtomicBoolean onCloseRan = new AtomicBoolean();
        AtomicBoolean handlerReturned = new AtomicBoolean();
        Aurora app = Aurora.create().get("/watched", ctx -> ctx.sse(events -> {
            events.heartbeat(Duration.ofMillis(50)).onClose(() -> onCloseRan.set(true));
            emitter.set(events);
            events.awaitClose();
            handlerReturned.set(true);
        }));
        try (app) {
            app.start(0);
            try (Socket socket = new Socket("127.0.0.1", app.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("GET /watched HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                readHead(socket.getInputStream());
                await().atMost(Duration.ofSeconds(5)).until(() -> emitter.get() != null);
                assertTrue(emitter.get().isOpen());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> !emitter.get().isOpen());
            await().atMost(Duration.ofSeconds(5)).until(() -> onCloseRan.get() && handlerReturned.get());
            await().atMost(Duration.ofSeconds(5)).until(() -> app.stats().activeConnections() == 0);
        }
    }

    @Test
    void stoppingTheServerEndsOpenStreamsPromptly() throws Exception {
        AtomicBoolean closed = new AtomicBoolean();
        Aurora app = Aurora.create(ServerConfig.defaults().withShutdownTimeout(Duration.ofSeconds(30)))
                .get("/waits", ctx -> ctx.sse(SseEmitter::awaitClose))
                .get("/blocks", ctx -> ctx.sse(events -> {
                    events.onClose(() -> closed.set(true));
                    // Lets the interrupt escape: the stream's own interrupt ends it normally.
                    NEVER.await();
                }))
                .start(0);
        try (EventLines waits = new EventLines(app.port(), "/waits");
                EventLines blocks = new EventLines(app.port(), "/blocks")) {
            long start = System.nanoTime();
            app.stop();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(took < 15_000, "stop took " + took + " ms of a 30 s grace period");
            await().atMost(Duration.ofSeconds(5)).until(() -> waits.ended() && blocks.ended());
            assertTrue(closed.get(), "the blocked handler's stream was closed");
            assertFalse(waits.failed() || blocks.failed(), "both responses ended with their last chunk");
        }
    }

    @Test
    void anInterruptFromClosingNeverReachesTheNextRequest() {
        AtomicBoolean interrupted = new AtomicBoolean();
        Aurora app = Aurora.create()
                .get("/closed-elsewhere", ctx -> ctx.sse(events -> {
                    events.send("one");
                    Thread.ofVirtual().start(events::close);
                    try {
                        NEVER.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }))
                .get("/wait", ctx -> {
                    // A leaked interrupt would throw here.
                    boolean counted = new CountDownLatch(1).await(20, TimeUnit.MILLISECONDS);
                    ctx.send(counted ? "counted" : "not interrupted");
                });
        try (AuroraTestClient client = AuroraTestClient.http(app); TestConnection connection = client.connect()) {
            connection.get("/closed-elsewhere").send().assertStatus(200).assertBody("data: one\n\n");
            assertTrue(interrupted.get());
            connection.get("/wait").send().assertStatus(200).assertBody("not interrupted");
            assertTrue(connection.isOpen(), "a stream that ended normally keeps the connection");
        }
    }

    /** Reads up to the blank line that ends the response head. */
    private static void readHead(InputStream in) throws Exception {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed before the response head");
            }
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
    }
}
