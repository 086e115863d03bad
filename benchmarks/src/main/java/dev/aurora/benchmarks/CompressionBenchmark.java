package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.internal.inprocess.InProcessConnection;
import dev.aurora.middleware.Compression;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@link Compression} costs per request, on one kept-alive in-process connection (the server's
 * connection loop on the calling thread, answers counted and dropped):
 * <ul>
 *   <li>{@code middleware=none}: the application without the middleware, the baseline.</li>
 *   <li>{@code middleware=compression}: {@code app.use(Compression.defaults())}, the client sending
 *       {@code Accept-Encoding: gzip, deflate, br}.</li>
 * </ul>
 * Routes:
 * <ul>
 *   <li>{@link #small}: a 13-byte text, below the minimum size: the pure overhead of negotiating
 *       and deciding not to compress.</li>
 *   <li>{@link #image}: 8 KiB of {@code image/png}, a type never compressed: the overhead again,
 *       for a body that is large enough.</li>
 *   <li>{@link #text}: 8 KiB of text sent with {@code send(byte[])}, compressed into one buffer and
 *       sent with a Content-Length.</li>
 *   <li>{@link #stream}: 64 KiB of text written to {@code outputStream()} in 4 KiB pieces,
 *       compressed as it goes and sent chunked.</li>
 * </ul>
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per request: the
 * middleware's own share is the difference between the two {@code middleware} values (the pooled
 * deflater and buffers are reused, so compressing adds little beyond the negotiation).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class CompressionBenchmark {
    @Param({"none", "compression"})
    String middleware;

    private static final byte[] TEXT = text(8 * 1024);
    private static final byte[] PIECE = text(4 * 1024);

    InProcessConnection connection;
    byte[] smallRequest;
    byte[] imageRequest;
    byte[] textRequest;
    byte[] streamRequest;

    @Setup(Level.Trial)
    public void setUp() {
        Aurora app = Aurora.create();
        if (middleware.equals("compression")) {
            app.use(Compression.defaults());
        } else if (!middleware.equals("none")) {
            throw new IllegalArgumentException("middleware: " + middleware);
        }
        app.get("/small", ctx -> ctx.send("Hello, World!"));
        app.get("/image", ctx -> ctx.contentType("image/png").send(TEXT));
        app.get("/text", ctx -> ctx.contentType("text/plain").send(TEXT));
        app.get("/stream", ctx -> {
            ctx.contentType("text/plain");
            try (OutputStream out = ctx.outputStream()) {
                for (int i = 0; i < 16; i++) {
                    out.write(PIECE);
                }
            }
        });
        connection = InProcess.connect(app);
        smallRequest = request("/small");
        imageRequest = request("/image");
        textRequest = request("/text");
        streamRequest = request("/stream");
        String answer = new String(connection.exchange(textRequest), StandardCharsets.ISO_8859_1);
        if (answer.contains("Content-Encoding: gzip") != middleware.equals("compression")) {
            throw new IllegalStateException("unexpected answer for " + middleware + ": " + answer.substring(0, 200));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
    }

    private static byte[] request(String path) {
        return ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] text(int size) {
        StringBuilder b = new StringBuilder(size + 64);
        for (int i = 0; b.length() < size; i++) {
            b.append("{\"id\":").append(i).append(",\"name\":\"item ").append(i % 97).append("\",\"active\":true}\n");
        }
        b.setLength(size);
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public int small() {
        return connection.exchangeDiscarding(smallRequest);
    }

    @Benchmark
    public int image() {
        return connection.exchangeDiscarding(imageRequest);
    }

    @Benchmark
    public int text() {
        return connection.exchangeDiscarding(textRequest);
    }

    @Benchmark
    public int stream() {
        return connection.exchangeDiscarding(streamRequest);
    }
}
