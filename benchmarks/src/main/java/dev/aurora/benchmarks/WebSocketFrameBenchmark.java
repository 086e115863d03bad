package dev.aurora.benchmarks;

import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.http.OutputBuffer;
import dev.aurora.internal.mem.BufferPool;
import dev.aurora.internal.websocket.FrameReader;
import dev.aurora.internal.websocket.FrameWriter;
import dev.aurora.internal.websocket.Utf8Validator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steady-state cost of WebSocket framing, per frame, on one connection: the objects a session
 * keeps ({@link FrameReader}, which on a steady stream reads into a 4 KiB lease it keeps,
 * {@link FrameWriter}, which leases a buffer from the pool for each frame, a {@link Utf8Validator})
 * are made once and reused, as a session does.
 *
 * <ul>
 *   <li>{@link #readText}: a masked client text frame, header checked, payload unmasked into the
 *       message buffer and validated as UTF-8 (what {@code receive()} does before making the
 *       {@code String}).</li>
 *   <li>{@link #readBinary}: the same for a binary frame (no UTF-8 check).</li>
 *   <li>{@link #writeText}, {@link #writeBinary}: an unmasked server frame written and flushed through a
 *       buffer leased for it (the socket is a sink).</li>
 * </ul>
 *
 * <p>{@code size} is the payload: 125 bytes (the largest with a 2-byte header, a chat message),
 * 16 KiB. Run: {@code benchmarks/jmh.sh WebSocketFrame -prof gc}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class WebSocketFrameBenchmark {
    @Param({"125", "16384"})
    int size;

    private byte[] textFrame;
    private byte[] binaryFrame;
    private FrameReader textReader;
    private FrameReader binaryReader;
    private byte[] message;
    private final Utf8Validator utf8 = new Utf8Validator();
    private FrameWriter writer;
    private byte[] textPayload;
    private byte[] binaryPayload;

    @Setup
    public void setUp() throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.length() < size) {
            text.append("Grüße, ");
        }
        textPayload = text.substring(0, size).getBytes(StandardCharsets.UTF_8);
        textPayload = java.util.Arrays.copyOf(textPayload, size);
        // Cut on a character boundary: replace a trailing partial character with ASCII.
        for (int i = size - 1; i >= 0 && (textPayload[i] & 0x80) != 0; i--) {
            textPayload[i] = 'x';
        }
        binaryPayload = new byte[size];
        new Random(1).nextBytes(binaryPayload);
        textFrame = masked(0x81, textPayload);
        binaryFrame = masked(0x82, binaryPayload);
        message = new byte[size];
        textReader = reader(textFrame);
        binaryReader = reader(binaryFrame);
        OutputStream sink = OutputStream.nullOutputStream();
        writer = new FrameWriter(new OutputBuffer(sink, (byte[]) null), new BufferPool());
    }

    /** A reader whose source serves {@code frame} again and again, as a steady stream of frames. */
    private FrameReader reader(byte[] frame) {
        int[] at = {0};
        ByteSource source = new ByteSource() {
            @Override
            public int read(byte[] b, int off, int len, int timeoutMillis) {
                int n = Math.min(len, frame.length - at[0]);
                System.arraycopy(frame, at[0], b, off, n);
                at[0] = (at[0] + n) % frame.length;
                return n;
            }

            @Override
            public int available() {
                return frame.length; // always more waiting: the reader keeps its leased buffer
            }
        };
        return new FrameReader(source, new BufferPool(), new byte[0], 1 << 20, false);
    }

    private static byte[] masked(int firstByte, byte[] payload) {
        int headerLength = payload.length < 126 ? 2 : 4;
        byte[] f = new byte[headerLength + 4 + payload.length];
        f[0] = (byte) firstByte;
        if (headerLength == 2) {
            f[1] = (byte) (0x80 | payload.length);
        } else {
            f[1] = (byte) (0x80 | 126);
            f[2] = (byte) (payload.length >>> 8);
            f[3] = (byte) payload.length;
        }
        byte[] mask = {0x12, 0x34, 0x56, 0x78};
        System.arraycopy(mask, 0, f, headerLength, 4);
        for (int i = 0; i < payload.length; i++) {
            f[headerLength + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return f;
    }

    @Benchmark
    public boolean readText() throws IOException {
        textReader.next(1000);
        int len = textReader.remaining();
        textReader.readPayload(message, 0, len, 1000);
        return utf8.feed(message, 0, len) && utf8.complete();
    }

    @Benchmark
    public void readBinary(Blackhole bh) throws IOException {
        binaryReader.next(1000);
        int len = binaryReader.remaining();
        binaryReader.readPayload(message, 0, len, 1000);
        bh.consume(message);
    }

    @Benchmark
    public void writeText() throws IOException {
        writer.frame(true, false, 0x1, textPayload, 0, textPayload.length);
    }

    @Benchmark
    public void writeBinary() throws IOException {
        writer.frame(true, false, 0x2, binaryPayload, 0, binaryPayload.length);
    }
}
