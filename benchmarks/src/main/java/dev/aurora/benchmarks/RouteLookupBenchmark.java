package dev.aurora.benchmarks;

import dev.aurora.internal.mem.Arena;
import dev.aurora.internal.routing.Endpoint;
import dev.aurora.internal.routing.RouteMatch;
import dev.aurora.internal.routing.RouteTree;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one route lookup ({@link RouteTree#find}) as a connection does it: the raw path inside the
 * request-line bytes, one {@link RouteMatch} reused for every request.
 *
 * <p>The tree holds {@code routes} routes, half static and half with two parameters, all under
 * {@code /api/v1} (so one node has {@code routes / 2} static children):
 * <pre>
 *   /api/v1/res{i}/list                 i in [0, routes / 2)
 *   /api/v1/res{i}/:id/items/:item
 * </pre>
 * plus {@code /ping} and {@code /api/v1/reports/2024/q1/regions/eu/summary} for the path-length pair.
 *
 * <ul>
 *   <li>{@link #staticRoute}: {@code /api/v1/res{k}/list} (4 segments).</li>
 *   <li>{@link #paramRoute}: {@code /api/v1/res{k}/12345/items/678} (6 segments, 2 parameters).</li>
 *   <li>{@link #miss}: {@code /api/v1/res{k}/12345/orders/678}: walks down the parameter branch, fails
 *       at {@code orders} and backtracks to the top before giving up (404).</li>
 *   <li>{@link #shortPath}: {@code /ping} (1 segment) and {@link #longPath}: the 8-segment static
 *       route: the cost follows the path's length, not the number of routes.</li>
 * </ul>
 * {@code k = routes / 4}, a route in the middle of the table. Add {@code -prof gc} for bytes
 * allocated per operation ({@code gc.alloc.rate.norm}, expected 0).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class RouteLookupBenchmark {
    static final String LONG_ROUTE = "/api/v1/reports/2024/q1/regions/eu/summary";

    @Param({"100", "1000", "10000"})
    int routes;

    RouteTree<Object> tree;
    RouteMatch match;
    RequestPath staticPath;
    RequestPath paramPath;
    RequestPath missPath;
    RequestPath shortPath;
    RequestPath longPath;

    /** A path as it sits in the connection's buffer: inside the request line, found by offset. */
    record RequestPath(byte[] bytes, int off, int len) {
        static RequestPath of(String path) {
            return new RequestPath(("GET " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII), 4,
                    path.length());
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        RouteTree.Builder<Object> builder = RouteTree.builder();
        for (int i = 0; i < routes / 2; i++) {
            builder.add("GET", "/api/v1/res" + i + "/list", "list" + i, "RouteLookupBenchmark");
            builder.add("GET", "/api/v1/res" + i + "/:id/items/:item", "item" + i, "RouteLookupBenchmark");
        }
        builder.add("GET", "/ping", "ping", "RouteLookupBenchmark");
        builder.add("GET", LONG_ROUTE, "report", "RouteLookupBenchmark");
        tree = builder.build();
        match = tree.newMatch();
        int k = routes / 4;
        staticPath = RequestPath.of("/api/v1/res" + k + "/list");
        paramPath = RequestPath.of("/api/v1/res" + k + "/12345/items/678");
        missPath = RequestPath.of("/api/v1/res" + k + "/12345/orders/678");
        shortPath = RequestPath.of("/ping");
        longPath = RequestPath.of(LONG_ROUTE);
        verify(staticPath, "list" + k, 0);
        verify(paramPath, "item" + k, 2);
        if (!"12345".equals(match.value(paramPath.bytes(), 0, new Arena(1, 16))) || !"678".equals(match.value(paramPath.bytes(), 1, new Arena(1, 16)))) {
            throw new IllegalStateException("wrong parameter values");
        }
        verify(missPath, null, 0);
        verify(shortPath, "ping", 0);
        verify(longPath, "report", 0);
    }

    /** Fails the trial if a lookup does not find what it should. */
    private void verify(RequestPath path, Object expected, int params) {
        Endpoint<Object> endpoint = find(path);
        Object handler = endpoint == null ? null : endpoint.handler("GET");
        if (!Objects.equals(expected, handler) || match.count() != params) {
            throw new IllegalStateException("lookup of " + new String(path.bytes(), path.off(), path.len(),
                    StandardCharsets.US_ASCII) + " gave " + handler + " with " + match.count() + " params");
        }
    }

    private Endpoint<Object> find(RequestPath path) {
        return tree.find(path.bytes(), path.off(), path.len(), match);
    }

    @Benchmark
    public Endpoint<Object> staticRoute() {
        return find(staticPath);
    }

    @Benchmark
    public Endpoint<Object> paramRoute() {
        return find(paramPath);
    }

    @Benchmark
    public Endpoint<Object> miss() {
        return find(missPath);
    }

    @Benchmark
    public Endpoint<Object> shortPath() {
        return find(shortPath);
    }

    @Benchmark
    public Endpoint<Object> longPath() {
        return find(longPath);
    }
}
