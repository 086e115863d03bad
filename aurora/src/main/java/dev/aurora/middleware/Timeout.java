package dev.aurora.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.error.HttpException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deadline for the rest of the chain: when the handler runs past it, its virtual thread is
 * interrupted and the request is answered with {@code 503} (or {@code 504}, if configured) unless
 * the handler already started its response, in which case the connection is closed.
 *
 * <pre>{@code
 * app.get("/report", ctx -> ctx.json(reports.build()), Timeout.of(Duration.ofSeconds(2)));
 * }</pre>
 *
 * <p>Interruption is how Java stops blocking work, and it is cooperative: {@code Thread.sleep},
 * {@code BlockingQueue.take}, locks taken interruptibly and socket I/O on a virtual thread stop at
 * once (an interrupted socket operation closes the socket, so a JDBC or HTTP client connection in
 * use is discarded by its pool); a loop that never blocks or checks {@code Thread.interrupted()}
 * runs to its end, and the answer waits for it. After the handler returns, the interrupt is
 * cleared, so it never reaches the next request on the same connection.
 *
 * <p>Deadlines are kept by one shared daemon thread, with cancelled timers removed at once, so the
 * number of pending timers is the number of requests in flight under this middleware.
 */
public final class Timeout implements Middleware {
    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int INTERRUPTING = 2;
    private static final int INTERRUPTED = 3;

    private final long nanos;
    private final int status;
    private final String message;

    private Timeout(Duration limit, int status) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive: " + limit);
        }
        if (status != 503 && status != 504) {
            throw new IllegalArgumentException("a timeout answers 503 or 504, not " + status);
        }
        this.nanos = limit.toNanos();
        this.status = status;
        this.message = "The request did not complete within " + describe(limit);
    }

    /**
     * {@return the middleware, answering {@code 503 Service Unavailable} on timeout}
     *
     * @param limit how long the rest of the chain may run
     */
    public static Timeout of(Duration limit) {
        return new Timeout(limit, 503);
    }

    /**
     * {@return the middleware}
     *
     * @param limit how long the rest of the chain may run
     * @param status {@code 503}, or {@code 504 Gateway Timeout} for a server that fronts others
     */
    public static Timeout of(Duration limit, int status) {
        return new Timeout(limit, status);
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        Thread worker = Thread.currentThread();
        AtomicInteger state = new AtomicInteger(RUNNING);
        ScheduledFuture<?> timer = Scheduler.INSTANCE.schedule(() -> {
            if (state.compareAndSet(RUNNING, INTERRUPTING)) {
                worker.interrupt();
                state.set(INTERRUPTED);
            }
        }, nanos, TimeUnit.NANOSECONDS);
        try {
            next.handle(ctx);
        } catch (Exception e) {
            if (finish(state, timer)) {
                throw new HttpException(status, message);
            }
            throw e;
        } finally {
            // Also when the handler ignored the interrupt and finished: its answer stands.
            finish(state, timer);
        }
    }

    /**
     * Ends the race with the timer and clears an interrupt it delivered; may be called again.
     *
     * @return whether the timer fired
     */
    private static boolean finish(AtomicInteger state, ScheduledFuture<?> timer) {
        timer.cancel(false);
        if (state.compareAndSet(RUNNING, DONE)) {
            return false;
        }
        int now;
        while ((now = state.get()) == INTERRUPTING) {
            Thread.onSpinWait();
        }
        if (now == INTERRUPTED) {
            Thread.interrupted();
            return true;
        }
        return false;
    }

    private static String describe(Duration limit) {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
    }

    /** The one timer thread, started on first use. */
    private static final class Scheduler {
        static final ScheduledThreadPoolExecutor INSTANCE = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "aurora-timeouts");
                thread.setDaemon(true);
                return thread;
            });
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }
}
