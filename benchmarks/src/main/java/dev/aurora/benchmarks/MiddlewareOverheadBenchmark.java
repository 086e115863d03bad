package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.Middleware;
import dev.aurora.ServerConfig;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.internal.inprocess.InProcessConnection;
import dev.aurora.middleware.BodyLimit;
import dev.aurora.middleware.Cors;
import dev.aurora.middleware.ForwardedHeaders;
import dev.aurora.middleware.RateLimit;
import dev.aurora.middleware.SecurityHeaders;
import dev.aurora.handler.StaticFileHandler;
import dev.aurora.middleware.Timeout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * What each built-in middleware adds to a request: the {@link HotPathBenchmark} path (parse,
 * route, handler, write on an in-memory kept-alive connection) for {@code GET /plaintext} with an
 * {@code Origin} and an {@code X-Forwarded-For}, with one middleware registered application-wide,
 * or all of them, or none. {@link #staticFile} serves a 1 KiB file and {@link #staticNotModified}
 * answers its conditional GET with {@code 304}.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh MiddlewareOverhead -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 1, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class MiddlewareOverheadBenchmark {
    @Param({"none", "cors", "securityHeaders", "rateLimit", "timeout", "forwardedHeaders", "bodyLimit", "all"})
    public String middleware;

    private Aurora app;
    private InProcessConnection connection;
    private Path dir;
    private byte[] plaintext;
    private byte[] staticFile;
    private byte[] staticNotModified;

    private static List<Middleware> chosen(String name) {
        Middleware cors = Cors.builder().allowOrigins("https://app.example.com").allowCredentials(true).build();
        Middleware security = SecurityHeaders.defaults().contentSecurityPolicy("default-src 'self'");
        // Far above what one thread can send, so every call passes and the bucket is still checked.
        Middleware rateLimit = RateLimit.builder().limit(1_000_000_000, Duration.ofSeconds(1)).build();
        Middleware timeout = Timeout.of(Duration.ofSeconds(30));
        Middleware forwarded = ForwardedHeaders.trusting("127.0.0.0/8", "10.0.0.0/8");
        Middleware bodyLimit = BodyLimit.of(1024);
        return switch (name) {
            case "none" -> List.of();
            case "cors" -> List.of(cors);
            case "securityHeaders" -> List.of(security);
            case "rateLimit" -> List.of(rateLimit);
            case "timeout" -> List.of(timeout);
            case "forwardedHeaders" -> List.of(forwarded);
            case "bodyLimit" -> List.of(bodyLimit);
            case "all" -> List.of(forwarded, cors, security, rateLimit, bodyLimit, timeout);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("aurora-static-bench");
        Files.write(dir.resolve("file.css"), "a{}".repeat(341).getBytes(StandardCharsets.US_ASCII));
        app = Aurora.create(ServerConfig.defaults().withMaxRequestsPerConnection(0));
        chosen(middleware).forEach(app::use);
        app.get("/plaintext", ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!"));
        app.get("/static/*file", StaticFileHandler.directory(dir));
        connection = InProcess.connect(app);
        String headers = "Host: localhost\r\nOrigin: https://app.example.com\r\nX-Forwarded-For: 203.0.113.7\r\n";
        plaintext = request("/plaintext", headers);
        staticFile = request("/static/file.css", headers);
        String etag = etagOf(connection, staticFile);
        staticNotModified = request("/static/file.css", headers + "If-None-Match: " + etag + "\r\n");
        for (byte[] r : new byte[][] {plaintext, staticFile, staticNotModified}) {
            if (connection.exchangeDiscarding(r) == 0 || !connection.isOpen()) {
                throw new IllegalStateException("No answer to " + new String(r, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static String etagOf(InProcessConnection connection, byte[] request) {
        String response = new String(connection.exchange(request), StandardCharsets.ISO_8859_1);
        if (!response.startsWith("HTTP/1.1 200")) {
            throw new IllegalStateException("static file not served: " + response.lines().findFirst().orElse(""));
        }
        int at = response.indexOf("ETag: ");
        return response.substring(at + 6, response.indexOf('\r', at));
    }

    private static byte[] request(String target, String headers) {
        return ("GET " + target + " HTTP/1.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        connection.close();
        app.stop();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.delete(dir);
    }

    @Benchmark
    public int plaintext() {
        return connection.exchangeDiscarding(plaintext);
    }

    @Benchmark
    public int staticFile() {
        return connection.exchangeDiscarding(staticFile);
    }

    @Benchmark
    public int staticNotModified() {
        return connection.exchangeDiscarding(staticNotModified);
    }
}
