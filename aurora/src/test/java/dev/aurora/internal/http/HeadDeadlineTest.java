package dev.aurora.internal.http;

import static dev.aurora.internal.http.Wire.CRLF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The head deadline (slowloris protection, {@code 408}) and the end of the stream while reading a head. */
class HeadDeadlineTest {
    private static final String REQUEST = "GET /x HTTP/1.1" + CRLF + "Host: h" + CRLF + "X-A: 1" + CRLF + CRLF;

    private static boolean read(InputBuffer in, long deadlineNanos) throws IOException {
        return new HeadReader(Wire.DEFAULTS).read(in, new RequestHead(100), deadlineNanos);
    }

    @Test
    void stallInTheMiddleOfTheHeadIs408() {
        String partial = REQUEST.substring(0, 20);
        for (int piece : new int[] {1, 3, 100}) {
            InputBuffer in = Wire.buffer(Wire.stalling(Wire.bytes(partial), piece), Wire.DEFAULTS);
            ProtocolException e = assertThrows(ProtocolException.class, () -> read(in, Wire.farDeadline()));
            assertEquals(408, e.status(), "piece " + piece);
        }
    }

    @Test
    void stallBeforeTheFirstByteIs408() {
        InputBuffer in = Wire.buffer(Wire.stalling(new byte[0], 1), Wire.DEFAULTS);
        assertEquals(408, assertThrows(ProtocolException.class, () -> read(in, Wire.farDeadline())).status());
    }

    @Test
    void stallAfterACompleteHeadDoesNotMatter() throws IOException {
        InputBuffer in = Wire.buffer(Wire.stalling(Wire.bytes(REQUEST), 2), Wire.DEFAULTS);
        assertTrue(read(in, Wire.farDeadline()));
    }

    @Test
    void deadlineAlreadyPastWhenMoreBytesAreNeededIs408() throws IOException {
        Wire.Source source = Wire.source(Wire.bytes(REQUEST), 5);
        InputBuffer in = Wire.buffer(source, Wire.DEFAULTS);
        assertEquals(5, in.fill(1000));
        long past = System.nanoTime() - 1;
        assertEquals(408, assertThrows(ProtocolException.class, () -> read(in, past)).status());
        assertEquals(1, source.reads, "no read is attempted once the deadline has passed");
    }

    @Test
    void deadlinePastButHeadAlreadyBufferedIsAccepted() throws IOException {
        String two = REQUEST + REQUEST.replace("/x", "/y");
        InputBuffer in = Wire.buffer(two, Integer.MAX_VALUE);
        RequestHead head = new RequestHead(100);
        HeadReader reader = new HeadReader(Wire.DEFAULTS);
        assertTrue(reader.read(in, head, Wire.farDeadline()));
        assertTrue(reader.read(in, head, System.nanoTime() - TimeUnit.SECONDS.toNanos(1)),
                "the pipelined head is complete in the buffer, no wait is needed");
        assertEquals("/y", Wire.latin1(in.array(), in.base() + head.pathStart(), head.pathLength()));
    }

    @Test
    void eachReadWaitsAtMostUntilTheDeadline() throws IOException {
        Wire.Source source = Wire.source(Wire.bytes(REQUEST), 1);
        InputBuffer in = Wire.buffer(source, Wire.DEFAULTS);
        long budgetMillis = 5_000;
        assertTrue(read(in, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis)));
        assertEquals(REQUEST.length(), source.timeouts.size());
        int previous = Integer.MAX_VALUE;
        for (int timeout : source.timeouts) {
            assertTrue(timeout >= 1 && timeout <= budgetMillis, "timeout " + timeout + " ms, never 0 (= forever)");
            assertTrue(timeout <= previous, "the wait shrinks as the deadline approaches: " + source.timeouts);
            previous = timeout;
        }
    }

    @Test
    void slowlorisTricklingBytesIsCutOffAtTheDeadline() throws InterruptedException {
        // A simulated client sends one byte every 20 ms, never a stall long enough for a per-read
        // timeout: only the deadline stops it. The reader blocks on the queue as it would on a socket.
        byte[] endless = Wire.bytes("GET /" + "a".repeat(5_000));
        BlockingQueue<Byte> wire = new ArrayBlockingQueue<>(endless.length);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService client = Executors.newSingleThreadScheduledExecutor();
        try {
            client.scheduleAtFixedRate(() -> {
                int i = sent.getAndIncrement();
                if (i < endless.length) {
                    wire.add(endless[i]);
                }
            }, 0, 20, TimeUnit.MILLISECONDS);
            ByteSource trickle = (b, off, len, timeoutMillis) -> {
                try {
                    Byte next = wire.poll(timeoutMillis, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        throw new SocketTimeoutException("no byte in " + timeoutMillis + " ms");
                    }
                    b[off] = next;
                    return 1;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
            };
            InputBuffer in = Wire.buffer(trickle, Wire.DEFAULTS);
            long start = System.nanoTime();
            ProtocolException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> assertThrows(ProtocolException.class,
                            () -> read(in, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200))));
            assertEquals(408, e.status());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(tookMillis >= 190 && tookMillis < 3_000, "took " + tookMillis + " ms");
            assertTrue(sent.get() < 100, "only " + sent.get() + " bytes should have trickled in");
        } finally {
            client.shutdownNow();
            assertTrue(client.awaitTermination(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void endOfStreamBeforeAnyByteReturnsFalse() throws IOException {
        assertFalse(read(Wire.buffer("", 1), Wire.farDeadline()));
    }

    @Test
    void endOfStreamAfterOnlyEmptyLinesReturnsFalse() throws IOException {
        assertFalse(read(Wire.buffer(CRLF + CRLF, 1), Wire.farDeadline()));
    }

    @Test
    void endOfStreamInTheMiddleOfTheHeadReturnsFalse() throws IOException {
        for (int cut = 1; cut < REQUEST.length(); cut++) {
            for (int piece : new int[] {1, 4, Integer.MAX_VALUE}) {
                String partial = REQUEST.substring(0, cut);
                assertFalse(read(Wire.buffer(partial, piece), Wire.farDeadline()), Wire.escape(partial));
            }
        }
    }
}
