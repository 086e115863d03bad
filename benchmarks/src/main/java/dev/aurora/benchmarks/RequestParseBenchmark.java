package dev.aurora.benchmarks;

import dev.aurora.ServerConfig;
import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.http.HeadReader;
import dev.aurora.internal.http.InputBuffer;
import dev.aurora.internal.http.BodyFraming;
import dev.aurora.internal.http.RequestHead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Steady-state cost of Aurora's request-head parser ({@link HeadReader#read}) on one keep-alive
 * connection: the {@link InputBuffer}, {@link RequestHead} and {@link HeadReader} are created once
 * per connection (here: per benchmark thread) and reused for every request, exactly as
 * {@code Connection.serve()} does. Each operation rewinds an in-memory {@link ByteSource} to the start
 * of the request bytes, so every {@code read} call does one source read (an array copy of the whole
 * head, standing in for the socket read) followed by line splitting, request-line and header parsing.
 *
 * <ul>
 *   <li>{@link #browserGet}: a 792-byte Chrome-like {@code GET} (Host, User-Agent, Accept,
 *       Accept-Encoding, Accept-Language, sec-ch-ua*, a 187-byte Cookie, {@code Connection: keep-alive}).</li>
 *   <li>{@link #browserGetAndLookup3Headers}: the same, then looks up three headers by name the way
 *       {@code Context.header(String)} does (case-insensitive scan of the name offsets, value turned
 *       into a Latin-1 {@code String}): {@code User-Agent}, {@code Accept-Encoding}, {@code Cookie}.</li>
 *   <li>{@link #minimalGet}: {@code GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n} (the wrk plaintext
 *       shape minus wrk's own headers).</li>
 * </ul>
 *
 * <p>Defaults (3 x 2 s warm-up, 5 x 2 s measurement, 1 fork) are overridable on the JMH command line
 * ({@code -wi -w -i -r -f}); add {@code -prof gc} for bytes allocated per operation
 * ({@code gc.alloc.rate.norm}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
public class RequestParseBenchmark {

    /**
     * A Chrome 131 (Linux) page navigation as a server behind a TLS-terminating proxy would receive it,
     * minus the four Sec-Fetch-* headers: 792 bytes, 11 header fields, a 187-byte Cookie value.
     */
    static final String BROWSER_GET = "GET /products/42/reviews?page=2 HTTP/1.1\r\n"
            + "Host: shop.example.com\r\n"
            + "Connection: keep-alive\r\n"
            + "sec-ch-ua: \"Google Chrome\";v=\"131\", \"Chromium\";v=\"131\", \"Not_A Brand\";v=\"24\"\r\n"
            + "sec-ch-ua-mobile: ?0\r\n"
            + "sec-ch-ua-platform: \"Linux\"\r\n"
            + "Upgrade-Insecure-Requests: 1\r\n"
            + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/131.0.0.0 Safari/537.36\r\n"
            + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7\r\n"
            + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
            + "Accept-Language: en-US,en;q=0.9,fr;q=0.8\r\n"
            + "Cookie: session_id=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08;"
            + " csrftoken=4Xb2kQ8vN1pR7sT3wY6zA9cE5gH0jL2m; theme=dark; _ga=GA1.1.1234567890.1732406400;"
            + " last_visit=1732406400\r\n"
            + "\r\n";

    static final String MINIMAL_GET = "GET /plaintext HTTP/1.1\r\nHost: x\r\n\r\n";

    /** Header names a handler might ask for; the last one is near the end of the head. */
    static final String[] LOOKUPS = {"User-Agent", "Accept-Encoding", "Cookie"};

    /**
     * One keep-alive connection: parser objects built once with the server defaults, as in
     * {@code Connection.serve()}, and a source that serves the request bytes again after each rewind.
     */
    public abstract static class ConnectionState {
        byte[] request;
        int sourcePos;
        ServerConfig config;
        HeadReader reader;
        InputBuffer in;
        RequestHead head;
        long headerTimeoutNanos;

        abstract String request();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            request = request().getBytes(StandardCharsets.US_ASCII);
            config = ServerConfig.defaults();
            ByteSource source = (b, off, len, timeoutMillis) -> {
                int n = Math.min(len, request.length - sourcePos);
                if (n <= 0) {
                    return -1;
                }
                System.arraycopy(request, sourcePos, b, off, n);
                sourcePos += n;
                return n;
            };
            // Same sizing as Connection.serve(): 8 KiB to start, room for the configured limits.
            int maxRead = 2 * config.maxRequestLineLength() + config.maxHeaderSize() + 8192;
            in = new InputBuffer(source, 8192, maxRead, () -> { });
            head = new RequestHead(config.maxHeaderCount());
            reader = new HeadReader(config);
            headerTimeoutNanos = config.headerTimeout().toNanos();
            verify();
        }

        /** Fails the trial if the parser does not see the request the way it should. */
        private void verify() throws IOException {
            for (int round = 0; round < 3; round++) {
                if (parse() < 0) {
                    throw new IllegalStateException("parser returned end of stream");
                }
                if (!"GET".equals(head.method()) || !head.keepAlive() || head.headLength() != request.length
                        || head.bodyFraming() != BodyFraming.NONE || in.available() != 0) {
                    throw new IllegalStateException("unexpected parse result");
                }
                int lines = 0;
                for (byte b : request) {
                    if (b == '\n') {
                        lines++;
                    }
                }
                if (head.headerCount() != lines - 2) {
                    throw new IllegalStateException("header count " + head.headerCount() + ", expected " + (lines - 2));
                }
                if (request().equals(BROWSER_GET)) {
                    for (String name : LOOKUPS) {
                        if (header(name) == null) {
                            throw new IllegalStateException("header not found: " + name);
                        }
                    }
                }
            }
        }

        /** Next request on the connection: rewinds the source and parses one head. */
        final int parse() throws IOException {
            sourcePos = 0;
            if (!reader.read(in, head, System.nanoTime() + headerTimeoutNanos)) {
                return -1;
            }
            return head.headerCount();
        }

        /** {@code Context.header(name)}: case-insensitive scan of the parsed names, value as a String. */
        final String header(String name) {
            byte[] b = in.array();
            int base = in.base();
            for (int i = 0; i < head.headerCount(); i++) {
                if (Ascii.equalsIgnoreCase(b, base + head.nameStart(i), head.nameLength(i), name)) {
                    return Ascii.latin1(b, base + head.valueStart(i), head.valueLength(i));
                }
            }
            return null;
        }
    }

    @State(Scope.Thread)
    public static class BrowserConnection extends ConnectionState {
        @Override
        String request() {
            return BROWSER_GET;
        }
    }

    @State(Scope.Thread)
    public static class MinimalConnection extends ConnectionState {
        @Override
        String request() {
            return MINIMAL_GET;
        }
    }

    @Benchmark
    public int browserGet(BrowserConnection c) throws IOException {
        return c.parse();
    }

    @Benchmark
    public void browserGetAndLookup3Headers(BrowserConnection c, Blackhole bh) throws IOException {
        bh.consume(c.parse());
        for (String name : LOOKUPS) {
            bh.consume(c.header(name));
        }
    }

    @Benchmark
    public int minimalGet(MinimalConnection c) throws IOException {
        return c.parse();
    }
}
