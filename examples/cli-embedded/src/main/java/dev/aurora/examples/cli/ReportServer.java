package dev.aurora.examples.cli;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tool's local server: the report as a page ({@code /}) and as JSON ({@code /report.json}),
 * and {@code POST /done} to finish. Bound to 127.0.0.1 on an ephemeral port; finished after a
 * number of requests, on {@code /done}, or at a deadline, whichever comes first.
 */
public final class ReportServer {
    private final Aurora app;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicLong served = new AtomicLong();

    /**
     * @param report what to serve
     * @param maxRequests requests after which the tool is done; 0 for no limit
     */
    public ReportServer(DirectoryReport report, long maxRequests) {
        this.app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                        .withShutdownTimeout(Duration.ofSeconds(2)))
                .use((ctx, next) -> {
                    next.handle(ctx);
                    // Counted once the handler has answered; stop() then lets the response finish.
                    if (maxRequests > 0 && served.incrementAndGet() >= maxRequests) {
                        done.countDown();
                    }
                })
                .get("/", ctx -> ctx.contentType("text/html; charset=utf-8").send(ReportPage.html(report)))
                .get("/report.json", ctx -> ctx.json(report))
                .post("/done", ctx -> {
                    done.countDown();
                    ctx.send("Bye");
                });
    }

    /** @return the application, for tests that drive it in-process */
    public Aurora app() {
        return app;
    }

    /** Binds an ephemeral port on 127.0.0.1. @return the URL to open */
    public String start() {
        app.start(0);
        return "http://127.0.0.1:" + app.port() + "/";
    }

    /**
     * Waits until the tool is done or {@code timeout} has passed, then stops the server.
     *
     * @return whether it was done (rather than timed out)
     */
    public boolean awaitDoneAndStop(Duration timeout) throws InterruptedException {
        try {
            return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            app.stop();
        }
    }
}
