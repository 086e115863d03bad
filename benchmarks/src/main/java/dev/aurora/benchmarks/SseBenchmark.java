package dev.aurora.benchmarks;

import dev.aurora.sse.SseEvent;
import dev.aurora.internal.http.ChunkedBodyOutputStream;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.sse.SseStream;
import dev.aurora.internal.sse.SseStreams;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The server's cost per Server-Sent Event: take the emitter's lock, frame the event as UTF-8 lines,
 * write it as one chunk into the connection's output buffer and flush it to the socket, which here
 * is an {@link OutputStream} that discards (so the figure is Aurora's share, without the kernel).
 *
 * <ul>
 *   <li>{@link #data}: {@code send("...")}, a 40-character one-line event.</li>
 *   <li>{@link #typedEvent}: {@code send("price", "...")}, with an {@code event:} line.</li>
 *   <li>{@link #fullEvent}: a prebuilt {@link SseEvent} with type, id and three data lines.</li>
 *   <li>{@link #fullEventBuiltPerSend}: the same event built per send with the {@code withX} copies,
 *       as application code would write it.</li>
 *   <li>{@link #comment}: a comment line, as a heartbeat is.</li>
 * </ul>
 *
 * <p>Heartbeats are off, so the timer thread does not run during the measurement. The setup checks the
 * bytes of one event before measuring. Iterations and forks come from the command line:
 *
 * <pre>{@code
 * benchmarks/jmh.sh SseBenchmark -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SseBenchmark {
    static final String DATA = "{\"symbol\":\"AUR\",\"price\":101.25,\"n\":7}";
    static final SseEvent FULL = SseEvent.of("line one\nline two\nline three").withEvent("update").withId("12345");

    private final SseStreams streams = new SseStreams();
    private final Sink sink = new Sink();
    private SseStream stream;
    private long id;

    /** A socket that takes every byte and keeps only the count. */
    static final class Sink extends OutputStream {
        long bytes;
        byte[] last = new byte[0];
        boolean keep;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            if (keep) {
                last = java.util.Arrays.copyOfRange(b, off, off + len);
            }
        }
    }

    @Setup
    public void setUp() {
        ChunkedBodyOutputStream body = new ChunkedBodyOutputStream(new OutputBuffer(sink, new byte[16384]));
        stream = new SseStream(body, Thread.currentThread(), null, streams);
        stream.heartbeat(Duration.ZERO);
        sink.keep = true;
        stream.send("x");
        String wire = new String(sink.last, java.nio.charset.StandardCharsets.UTF_8);
        if (!wire.equals("9\r\ndata: x\n\n\r\n")) {
            throw new IllegalStateException("unexpected bytes: " + wire);
        }
        sink.keep = false;
    }

    @TearDown
    public void tearDown() {
        stream.close();
        streams.stop();
    }

    @Benchmark
    public boolean data() {
        return stream.send(DATA);
    }

    @Benchmark
    public boolean typedEvent() {
        return stream.send("price", DATA);
    }

    @Benchmark
    public boolean fullEvent() {
        return stream.send(FULL);
    }

    @Benchmark
    public boolean fullEventBuiltPerSend() {
        return stream.send(SseEvent.of(DATA).withEvent("price").withId(Long.toString(++id)));
    }

    @Benchmark
    public boolean comment() {
        return stream.comment("heartbeat");
    }
}
