package dev.aurora.tests.framework;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.sse.SseEmitter;
import dev.aurora.sse.SseEvent;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ctx.sse(...)} on the wire: headers, framing, incremental delivery, other threads, heartbeats. */
class ServerSentEventsTest {
    static final CountDownLatch RELEASE = new CountDownLatch(1);
    static final Set<SseEmitter> SUBSCRIBERS = ConcurrentHashMap.newKeySet();
    static Aurora app;

    @BeforeAll
    static void start() {
        app = Aurora.create()
                .get("/framing", ctx -> ctx.sse(events -> {
                    events.retry(Duration.ofSeconds(2));
                    events.comment("hello");
                    events.send("plain");
                    events.send("update", "line 1\nline 2");
                    events.send(SseEvent.of("{\"n\":1}").withEvent("json").withId("1"));
                }))
                .get("/incremental", ctx -> ctx.sse(events -> {
                    events.send("first");
                    RELEASE.await();
                    events.send("second");
                }))
                .get("/broadcast", ctx -> ctx.sse(events -> {
                    SUBSCRIBERS.add(events);
                    events.onClose(() -> SUBSCRIBERS.remove(events));
                    events.awaitClose();
                }))
                .get("/idle", ctx -> ctx.sse(events -> {
                    events.heartbeat(Duration.ofMillis(50));
                    events.awaitClose();
                }))
                .get("/resume", ctx -> ctx.sse(events -> events.send(String.valueOf(events.lastEventId()))))
                .start(0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void headersAndFramingOfEveryKindOfLine() {
        TestResponse r = AuroraTestClient.of(app).get("/framing").send().assertStatus(200);
        assertEquals("text/event-stream", r.header("Content-Type"));
        assertEquals("no-cache", r.header("Cache-Control"));
        assertEquals("""
                retry: 2000

                : hello

                data: plain

                event: update
                data: line 1
                data: line 2

                event: json
                id: 1
                data: {"n":1}

                """, r.bodyString());
    }

    @Test
    void theBodyIsChunked() {
        String raw = AuroraTestClient.of(app).raw("GET /framing HTTP/1.1\r\nHost: x\r\n\r\n").text();
        assertTrue(raw.contains("Transfer-Encoding: chunked\r\n"), raw);
        assertTrue(raw.endsWith("\r\n0\r\n\r\n"), raw);
    }

    @Test
    void http10GetsACloseDelimitedBody() {
        String raw = AuroraTestClient.of(app).raw("GET /resume HTTP/1.0\r\n\r\n").text();
        assertFalse(raw.contains("Transfer-Encoding"), raw);
        assertTrue(raw.contains("Connection: close\r\n"), raw);
        assertTrue(raw.endsWith("\r\n\r\ndata: null\n\n"), raw);
    }

    @Test
    void eventsArriveWhileTheHandlerStillRuns() throws Exception {
        try (EventLines stream = new EventLines(app.port(), "/incremental")) {
            assertEquals("text/event-stream", stream.response().headers().firstValue("Content-Type").orElseThrow());
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines().equals(List.of("data: first", "")));
            assertFalse(stream.ended(), "the handler has not returned yet");
            RELEASE.countDown();
            await().atMost(Duration.ofSeconds(5)).until(stream::ended);
            assertEquals(List.of("data: first", "", "data: second", ""), stream.lines());
        }
    }

    @Test
    void otherThreadsPublishAndCloseTheStream() throws Exception {
        try (EventLines stream = new EventLines(app.port(), "/broadcast")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !SUBSCRIBERS.isEmpty());
            SseEmitter subscriber = SUBSCRIBERS.iterator().next();
            Thread publisher = Thread.ofVirtual().start(() -> SUBSCRIBERS.forEach(e -> e.send("news", "hello")));
            publisher.join();
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines().equals(List.of("event: news", "data: hello", "")));
            subscriber.close();
            await().atMost(Duration.ofSeconds(5)).until(stream::ended);
            assertTrue(SUBSCRIBERS.isEmpty(), "onClose removed the subscriber");
            assertFalse(subscriber.send("too late"), "sends after close are no-ops");
        }
    }

    @Test
    void anIdleStreamGetsHeartbeats() throws Exception {
        try (EventLines stream = new EventLines(app.port(), "/idle")) {
            await().atMost(Duration.ofSeconds(5)).until(() -> stream.lines().contains(": heartbeat"));
        }
    }

    @Test
    void lastEventIdIsExposed() {
        AuroraTestClient client = AuroraTestClient.of(app);
        assertEquals("data: 41\n\n", client.get("/resume").header("Last-Event-ID", "41").send().bodyString());
        assertEquals("data: null\n\n", client.get("/resume").send().bodyString());
    }

    @Test
    void headGetsTheHeadersOnly() {
        TestResponse r = AuroraTestClient.of(app).request("HEAD", "/incremental").send().assertStatus(200);
        assertEquals("text/event-stream", r.header("Content-Type"));
        assertEquals("", r.bodyString());
    }
}
