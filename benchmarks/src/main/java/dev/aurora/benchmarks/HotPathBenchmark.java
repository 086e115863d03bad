package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.internal.inprocess.InProcessConnection;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
 * One request through the whole server path on a kept-alive connection: read the request bytes,
 * parse the head, route, run the middleware and handler, write and flush the response. The
 * connection is served in memory on the benchmark thread ({@link InProcessConnection}), so there
 * is no socket and no thread hand-off: what {@code -prof gc} reports as
 * {@code gc.alloc.rate.norm} is what the server itself allocates per request in steady state.
 *
 * <ul>
 *   <li>{@link #plaintext}: {@code GET /plaintext}, a static route answering a constant string.</li>
 *   <li>{@link #param}: {@code GET /users/12345}, a parameterized route whose handler answers a
 *       constant (routing a parameter costs nothing; reading it as a String is the handler's
 *       choice, see {@link #paramRead}).</li>
 *   <li>{@link #paramRead}: the same route, the handler sends {@code ctx.param("id")}.</li>
 *   <li>{@link #query}: {@code GET /search?q=aurora&lang=en&page=2}, the handler sends
 *       {@code ctx.query("page")} (the value's String is the only allocation it needs).</li>
 *   <li>{@link #json}: {@code GET /json}, the hello JSON route (a record serialized by Jackson).</li>
 *   <li>{@link #browserGet}: {@code GET /plaintext} with the 14 headers of a browser request.</li>
 * </ul>
 *
 * <p>{@code metrics=on} binds a {@link PrometheusMeterRegistry} ({@code app.metrics(...)}), so
 * every request is also timed into its route's histogram; the default, {@code off}, has only the
 * always-on counters. Compare the two with {@code -p metrics=off,on}.
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh HotPath -prof gc
 * benchmarks/jmh.sh 'HotPath.*(plaintext|param)$' -p metrics=off,on -prof gc -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class HotPathBenchmark {
    /** The body of the JSON route. */
    public record Message(String message) {
    }

    private static final String BROWSER_HEADERS = """
            Host: localhost:8080\r
            User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0\r
            Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r
            Accept-Language: en-US,en;q=0.5\r
            Accept-Encoding: gzip, deflate, br, zstd\r
            Connection: keep-alive\r
            Cookie: session=5f2b8c1e9d7a4b3c; theme=dark; lang=en\r
            Upgrade-Insecure-Requests: 1\r
            Sec-Fetch-Dest: document\r
            Sec-Fetch-Mode: navigate\r
            Sec-Fetch-Site: none\r
            Sec-Fetch-User: ?1\r
            Priority: u=0, i\r
            Cache-Control: max-age=0\r
            """;

    /** {@code on}: a Prometheus registry is bound; {@code off}: the always-on counters only. */
    @Param("off")
    public String metrics;

    private Aurora app;
    private InProcessConnection connection;
    private byte[] plaintext;
    private byte[] param;
    private byte[] paramRead;
    private byte[] json;
    private byte[] query;
    private byte[] browserGet;

    private static byte[] request(String target, String headers) {
        return ("GET " + target + " HTTP/1.1\r\n" + headers + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Setup(Level.Trial)
    public void setUp() {
        app = Aurora.create(ServerConfig.defaults().withMaxRequestsPerConnection(0));
        if (metrics.equals("on")) {
            app.metrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        }
        Message hello = new Message("Hello, World!");
        app.get("/plaintext", ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!"));
        app.get("/users/:id", ctx -> ctx.send("user"));
        app.get("/read/:id", ctx -> ctx.send(ctx.param("id")));
        app.get("/json", ctx -> ctx.json(hello));
        app.get("/search", ctx -> ctx.send(ctx.query("page")));
        connection = InProcess.connect(app);
        String host = "Host: localhost\r\n";
        plaintext = request("/plaintext", host);
        param = request("/users/12345", host);
        paramRead = request("/read/12345", host);
        json = request("/json", host);
        query = request("/search?q=aurora&lang=en&page=2", host);
        browserGet = request("/plaintext", BROWSER_HEADERS);
        for (byte[] r : new byte[][] {plaintext, param, paramRead, json, query, browserGet}) {
            if (connection.exchangeDiscarding(r) == 0 || !connection.isOpen()) {
                throw new IllegalStateException("No answer to " + new String(r, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
        app.stop();
    }

    @Benchmark
    public int plaintext() {
        return connection.exchangeDiscarding(plaintext);
    }

    @Benchmark
    public int param() {
        return connection.exchangeDiscarding(param);
    }

    @Benchmark
    public int paramRead() {
        return connection.exchangeDiscarding(paramRead);
    }

    @Benchmark
    public int json() {
        return connection.exchangeDiscarding(json);
    }

    @Benchmark
    public int query() {
        return connection.exchangeDiscarding(query);
    }

    @Benchmark
    public int browserGet() {
        return connection.exchangeDiscarding(browserGet);
    }
}
