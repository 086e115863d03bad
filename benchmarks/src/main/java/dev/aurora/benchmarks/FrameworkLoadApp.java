package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.ServerConfig;

/**
 * The server of {@code benchmarks/framework-load.sh}: routing and middleware under load, through
 * the public API only. Serves 127.0.0.1:PORT:
 *
 * <table class="striped">
 * <caption>Routes</caption>
 * <thead><tr><th>route</th><th>answer</th></tr></thead>
 * <tbody>
 * <tr><td>{@code GET /plaintext}</td><td>{@code Hello, World!} as in the hello example (the baseline)</td></tr>
 * <tr><td>{@code GET /api/v1/res{i}/list}, i in [0, 100)</td><td>{@code list} (100 static routes)</td></tr>
 * <tr><td>{@code GET /api/v1/res{i}/:id}, i in [0, 100)</td><td>the {@code id} parameter (100 parameter routes)</td></tr>
 * <tr><td>{@code GET /mw0}</td><td>{@code Hello, World!}, no middleware</td></tr>
 * <tr><td>{@code GET /mw5}</td><td>the same handler behind five pass-through middleware (route middleware)</td></tr>
 * </tbody>
 * </table>
 * 203 routes in all, so the route tree's {@code /api/v1} node has 100 static children. Each
 * middleware is its own class (as logging, auth, CORS, ... would be), bumps a counter, calls
 * {@code next}, bumps another: no allocation, no use of the context.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.aurora.benchmarks.FrameworkLoadApp 18190}
 * (add {@code metrics} after the port for Prometheus metrics at {@code /metrics}).
 * Stops gracefully on SIGTERM (shutdown hook) and then prints the middleware counters.
 */
public final class FrameworkLoadApp {
    /** Resources under {@code /api/v1}; each has a static and a parameter route. */
    static final int RESOURCES = 100;

    /**
     * Bumped by the middleware without synchronization: the counters only give the middleware
     * something to do; increments lost between virtual threads on different carriers do not matter.
     */
    static long before;
    static long after;

    private FrameworkLoadApp() {
    }

    /**
     * Builds the application without starting it.
     *
     * @param config the server configuration
     * @return the application
     */
    public static Aurora create(ServerConfig config) {
        Aurora app = Aurora.create(config);
        Handler hello = ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!");
        app.get("/plaintext", hello);
        for (int i = 0; i < RESOURCES; i++) {
            app.get("/api/v1/res" + i + "/list", ctx -> ctx.contentType("text/plain").send("list"));
            app.get("/api/v1/res" + i + "/:id", ctx -> ctx.contentType("text/plain").send(ctx.param("id")));
        }
        Middleware[] five = {
                (ctx, next) -> { before++; next.handle(ctx); after++; },
                (ctx, next) -> { before += 2; next.handle(ctx); after += 2; },
                (ctx, next) -> { before += 3; next.handle(ctx); after += 3; },
                (ctx, next) -> { before += 4; next.handle(ctx); after += 4; },
                (ctx, next) -> { before += 5; next.handle(ctx); after += 5; }};
        Handler same = ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!");
        app.get("/mw0", same);
        app.get("/mw5", same, five);
        return app;
    }

    /**
     * @param args {@code PORT} (default 18190), then {@code metrics} to serve Prometheus meters at
     *     {@code /metrics} (every request timed), so a wrk run can compare metrics on and off
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18190;
        boolean metrics = args.length > 1 && args[1].equals("metrics");
        Aurora app = create(ServerConfig.defaults().withHost("127.0.0.1"));
        if (metrics) {
            app.prometheus();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            System.out.println("FrameworkLoadApp stopped; middleware counters " + before + " / " + after
                    + "; " + app.stats());
        }, "aurora-shutdown"));
        app.start(port);
        System.out.println("FrameworkLoadApp listening on 127.0.0.1:" + app.port() + (metrics ? " with metrics" : ""));
    }
}
