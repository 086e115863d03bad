package dev.aurora.internal.sse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The emitter without a socket: thread safety, closing, callbacks, heartbeats and interrupts. */
class SseStreamTest {
    private final SseStreams streams = new SseStreams();
    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        streams.stop();
    }

    private SseStream stream(OutputStream body) {
        return new SseStream(body, Thread.currentThread(), null, streams);
    }

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void eventsFromManyThreadsNeverInterleave() throws InterruptedException {
        SseStream stream = stream(sink);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            String line = ("t" + t + "-").repeat(50);
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 200; i++) {
                    stream.send(line + "\n" + line);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        String[] events = written().split("\n\n");
        assertEquals(1600, events.length);
        for (String event : events) {
            String[] lines = event.split("\n");
            assertEquals(2, lines.length);
            assertEquals(lines[0], lines[1], "both data lines of one event come from one send");
        }
    }

    @Test
    void aClosedStreamIgnoresSendsAndRunsCallbacksOnce() {
        SseStream stream = stream(sink);
        AtomicInteger closes = new AtomicInteger();
        stream.onClose(closes::incrementAndGet);
        assertTrue(stream.send("before"));
        stream.close();
        stream.close();
        assertFalse(stream.isOpen());
        assertFalse(stream.send("after"));
        assertFalse(stream.comment("after"));
        assertFalse(stream.retry(Duration.ofSeconds(1)));
        assertEquals(1, closes.get());
        stream.onClose(closes::incrementAndGet);
        assertEquals(2, closes.get(), "a callback added after closing runs at once");
        assertEquals("data: before\n\n", written());
    }

    @Test
    void typedEventsFrameLikeFullEventsAndRejectMultiLineTypes() {
        SseStream stream = stream(sink);
        stream.send("tick", "1\n2");
        stream.send(dev.aurora.sse.SseEvent.of("1\n2").withEvent("tick"));
        assertEquals("event: tick\ndata: 1\ndata: 2\n\n".repeat(2), written());
        assertThrows(IllegalArgumentException.class, () -> stream.send("a\rb", "x"));
        assertTrue(stream.isOpen(), "a rejected event leaves the stream as it was");
    }

    @Test
    void heartbeatIntervalsAreZeroOrAtLeastAMillisecond() {
        SseStream stream = stream(sink);
        assertThrows(IllegalArgumentException.class, () -> stream.heartbeat(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> stream.heartbeat(Duration.ofNanos(10)));
        stream.heartbeat(Duration.ZERO);
        stream.heartbeat(Duration.ofMillis(1));
        stream.close();
    }

    @Test
    void aFailedWriteClosesTheStream() {
        AtomicBoolean closed = new AtomicBoolean();
        SseStream stream = stream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        });
        stream.onClose(() -> closed.set(true));
        assertFalse(stream.send("lost"));
        assertFalse(stream.isOpen());
        assertTrue(closed.get());
    }

    @Test
    void anIdleStreamGetsHeartbeats() {
        SseStream stream = stream(sink);
        stream.heartbeat(Duration.ofMillis(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> written().contains(": heartbeat\n\n"));
        stream.heartbeat(Duration.ZERO);
        stream.close();
    }

    @Test
    void closingFromAnotherThreadInterruptsABlockedHandlerAndTheInterruptIsCleared() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean leaked = new AtomicBoolean(true);
        CountDownLatch never = new CountDownLatch(1);
        Thread handler = Thread.ofVirtual().start(() -> {
            SseStream stream = stream(sink);
            Thread.ofVirtual().start(stream::close);
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            stream.handlerReturned();
            leaked.set(Thread.currentThread().isInterrupted());
        });
        handler.join();
        assertTrue(interrupted.get());
        assertFalse(leaked.get());
    }

    @Test
    void aHandlerWaitingInAwaitCloseReturnsWithoutAnInterrupt() throws Exception {
        AtomicBoolean flagged = new AtomicBoolean(true);
        List<SseStream> handed = new ArrayList<>();
        CountDownLatch registered = new CountDownLatch(1);
        Thread handler = Thread.ofVirtual().start(() -> {
            SseStream stream = stream(sink);
            handed.add(stream);
            registered.countDown();
            try {
                stream.awaitClose();
                flagged.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                stream.handlerReturned();
            }
        });
        registered.await();
        await().until(() -> handler.getState() == Thread.State.WAITING);
        handed.get(0).close();
        handler.join();
        assertFalse(flagged.get());
    }

    @Test
    void stoppingClosesEveryOpenStream() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean ended = new AtomicBoolean();
        Thread handler = Thread.ofVirtual().start(() -> {
            SseStream stream = stream(sink);
            streamsOpen(stream);
            started.countDown();
            try {
                stream.awaitClose();
                ended.set(true);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        });
        started.await();
        streams.stop();
        handler.join();
        assertTrue(ended.get());
        assertEquals(0, streams.size());
    }

    /** What {@link SseStreams#serve} does to register a stream. */
    private void streamsOpen(SseStream stream) {
        streams.register(stream);
    }
}
