package dev.aurora.benchmarks;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.internal.routing.MiddlewareChain;
import dev.aurora.sse.SseHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
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
 * Cost of running a route's middleware chain as the framework builds it at start
 * ({@link MiddlewareChain#compose}: one lambda per link, capturing the next), invoked the way the
 * dispatcher invokes a route's chain: one interface call {@code chain.handle(ctx)} per request.
 *
 * <ul>
 *   <li>{@link #handlerOnly}: the handler, composed with no middleware (compose returns it as is).</li>
 *   <li>{@link #chain1}: the same handler behind one pass-through middleware.</li>
 *   <li>{@link #chain5}: behind five pass-through middleware, five distinct classes as in an
 *       application (logging, auth, CORS, ...).</li>
 * </ul>
 * Each middleware increments a counter, calls {@code next}, increments another counter; the handler
 * sets the status on a stub {@link Context} (every other method throws) and counts. Per-middleware
 * overhead = {@code (chain5 - handlerOnly) / 5}; add {@code -prof gc} for bytes allocated per
 * operation ({@code gc.alloc.rate.norm}, expected 0: the links are built once).
 *
 * <p>{@code profile} decides what the JIT has seen at the shared call sites (the dispatcher's
 * {@code chain.handle(ctx)}, the {@code link.handle(ctx, rest)} inside compose's lambda, which every
 * link of every route shares, and each middleware's {@code next.handle(ctx)}):
 * <ul>
 *   <li>{@code clean}: only the measured chain has run in this JVM, so the JIT may inline the
 *       whole chain (the best case; in {@code chain5} the compose-lambda site still sees five
 *       middleware classes).</li>
 *   <li>{@code polluted}: before measuring, the setup runs chains of other middleware and handler
 *       classes (lengths 0 to 5) through the same sites, as an application with many routes does,
 *       so the sites are megamorphic and each link costs real interface calls (the realistic
 *       case).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Fork(1)
@State(Scope.Thread)
public class MiddlewareChainBenchmark {
    @Param({"clean", "polluted"})
    String profile;

    /** Counters the middleware and handlers bump: side effects the JIT cannot drop. */
    long before;
    long after;
    long handled;

    Context ctx;
    Handler none;
    Handler one;
    Handler five;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ctx = new StubContext();
        Handler handler = c -> {
            c.status(200);
            handled++;
        };
        List<Middleware> middleware = List.of(
                (c, next) -> { before++; next.handle(c); after++; },
                (c, next) -> { before += 2; next.handle(c); after += 2; },
                (c, next) -> { before += 3; next.handle(c); after += 3; },
                (c, next) -> { before += 4; next.handle(c); after += 4; },
                (c, next) -> { before += 5; next.handle(c); after += 5; });
        none = MiddlewareChain.compose(List.of(), handler);
        one = MiddlewareChain.compose(middleware.subList(0, 1), handler);
        five = MiddlewareChain.compose(middleware, handler);
        switch (profile) {
            case "clean" -> { }
            case "polluted" -> pollute(middleware);
            default -> throw new IllegalArgumentException("profile: " + profile);
        }
        verify(none, 0);
        verify(one, 1);
        verify(five, 5);
    }

    /**
     * Runs chains of other classes through the shared sites so that their type profiles hold more
     * receiver classes than the JIT inlines for (two): the measured chain then runs through
     * megamorphic interface calls, as in an application with many routes and middleware.
     */
    private void pollute(List<Middleware> measured) throws Exception {
        List<Handler> handlers = List.of(
                c -> handled += 2,
                c -> handled += 3,
                c -> handled += 4,
                c -> { c.status(201); handled++; });
        List<Middleware> others = List.of(
                (c, next) -> { after++; next.handle(c); before++; },
                (c, next) -> { after += 2; next.handle(c); before += 2; },
                (c, next) -> { after += 3; next.handle(c); before += 3; },
                (c, next) -> { next.handle(c); after++; });
        List<Handler> chains = new java.util.ArrayList<>();
        for (int h = 0; h < handlers.size(); h++) {
            for (int len = 0; len <= 5; len++) {
                List<Middleware> chain = new java.util.ArrayList<>();
                for (int i = 0; i < len; i++) {
                    // mix the measured middleware with the others, in varying order
                    chain.add((i + h) % 2 == 0 ? others.get((i + h) % others.size())
                            : measured.get((i + len) % measured.size()));
                }
                chains.add(MiddlewareChain.compose(chain, handlers.get(h)));
            }
        }
        for (int round = 0; round < 20_000; round++) {
            for (Handler chain : chains) {
                dispatch(chain, ctx);
            }
        }
    }

    /** Fails the trial if a chain does not run each middleware and the handler once. */
    private void verify(Handler chain, int links) throws Exception {
        long b = before;
        long a = after;
        long h = handled;
        dispatch(chain, ctx);
        long expected = (long) links * (links + 1) / 2;
        if (handled != h + 1 || before - b != expected || after - a != expected || ctx.status() != 200) {
            throw new IllegalStateException("chain of " + links + " did not run as expected");
        }
    }

    /** The dispatcher's call of a route's chain: one site shared by every route. */
    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static void dispatch(Handler chain, Context ctx) throws Exception {
        chain.handle(ctx);
    }

    @Benchmark
    public void handlerOnly() throws Exception {
        dispatch(none, ctx);
    }

    @Benchmark
    public void chain1() throws Exception {
        dispatch(one, ctx);
    }

    @Benchmark
    public void chain5() throws Exception {
        dispatch(five, ctx);
    }

    /** A {@link Context} that supports only {@code status}; everything else throws. */
    static final class StubContext implements Context {
        private int status = 200;

        private static UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("stub context");
        }

        @Override public Context status(int code) { status = code; return this; }
        @Override public int status() { return status; }

        @Override public String method() { throw unsupported(); }
        @Override public String path() { throw unsupported(); }
        @Override public String routePattern() { throw unsupported(); }
        @Override public String param(String name) { throw unsupported(); }
        @Override public String query(String name) { throw unsupported(); }
        @Override public List<String> queries(String name) { throw unsupported(); }
        @Override public String cookie(String name) { throw unsupported(); }
        @Override public String requestId() { throw unsupported(); }
        @Override public InetSocketAddress remoteAddress() { throw unsupported(); }
        @Override public String scheme() { throw unsupported(); }
        @Override public Context setHeader(String name, String value) { throw unsupported(); }
        @Override public Context removeHeader(String name) { throw unsupported(); }
        @Override public String responseHeader(String name) { throw unsupported(); }
        @Override public String host() { throw unsupported(); }
        @Override public <T> T attribute(String key) { throw unsupported(); }
        @Override public Context attribute(String key, Object value) { throw unsupported(); }
        @Override public String header(String name) { throw unsupported(); }
        @Override public List<String> headers(String name) { throw unsupported(); }
        @Override public byte[] body() { throw unsupported(); }
        @Override public <T> T bodyAs(Class<T> type) { throw unsupported(); }
        @Override public <T> T bodyAs(Type type) { throw unsupported(); }
        @Override public InputStream bodyStream() { throw unsupported(); }
        @Override public dev.aurora.form.Form form() { throw unsupported(); }
        @Override public dev.aurora.form.FormStream formStream() { throw unsupported(); }
        @Override public Context header(String name, String value) { throw unsupported(); }
        @Override public void send(String body) { throw unsupported(); }
        @Override public void send(byte[] body) { throw unsupported(); }
        @Override public void json(Object value) { throw unsupported(); }
        @Override public OutputStream outputStream() { throw unsupported(); }
        @Override public void sse(SseHandler handler) { throw unsupported(); }
    }
}
