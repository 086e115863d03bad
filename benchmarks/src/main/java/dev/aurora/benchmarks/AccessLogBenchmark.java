package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.internal.inprocess.InProcessConnection;
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
 * What per-request logging costs on the request thread: {@code GET /users/12345} (a parameterized
 * route answering a constant) on a kept-alive in-memory connection, as in {@link HotPathBenchmark},
 * with a browser-like {@code User-Agent}, an {@code X-Request-Id} and a {@code traceparent}.
 *
 * <ul>
 *   <li>{@code off}: neither feature (the default).</li>
 *   <li>{@code requestIds}: {@code app.requestIds()}: the id echoed, ids in the MDC.</li>
 *   <li>{@code accessLog}: {@code app.accessLog()} to Logback's {@code AsyncAppender}
 *       ({@code neverBlock}) in front of a discarding appender (benchmarks' {@code logback.xml}).</li>
 *   <li>{@code both}.</li>
 *   <li>{@code accessLogNoQueue}: the access log straight into the discarding appender: the cost
 *       of building the event alone, without the asynchronous appender's hand-off.</li>
 * </ul>
 *
 * <pre>
 * ./mvnw -q -Pbenchmarks -pl benchmarks -am -DskipTests package
 * benchmarks/jmh.sh AccessLog -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class AccessLogBenchmark {
    @Param({"off", "requestIds", "accessLog", "both", "accessLogNoQueue"})
    public String mode;

    private Aurora app;
    private InProcessConnection connection;
    private byte[] request;

    @Setup(Level.Trial)
    public void setUp() {
        app = Aurora.create(ServerConfig.defaults().withMaxRequestsPerConnection(0));
        if (mode.equals("requestIds") || mode.equals("both")) {
            app.requestIds();
        }
        if (mode.equals("accessLog") || mode.equals("both")) {
            app.accessLog();
        }
        if (mode.equals("accessLogNoQueue")) {
            app.accessLog("bench.access.noqueue");
        }
        app.get("/users/:id", ctx -> ctx.send("user"));
        connection = InProcess.connect(app);
        request = ("GET /users/12345 HTTP/1.1\r\nHost: localhost\r\n"
                + "User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0\r\n"
                + "X-Request-Id: 7f3c2a9e-41d5-4b8a-9c0e-2d6f1a8b3e57\r\n"
                + "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        if (connection.exchangeDiscarding(request) == 0 || !connection.isOpen()) {
            throw new IllegalStateException("No answer");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        connection.close();
        app.stop();
    }

    @Benchmark
    public int request() {
        return connection.exchangeDiscarding(request);
    }
}
