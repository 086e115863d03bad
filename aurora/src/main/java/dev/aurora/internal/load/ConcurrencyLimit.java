package dev.aurora.internal.load;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.ServerConfig;
import dev.aurora.error.ServiceUnavailableException;
import dev.aurora.internal.observe.ServerCounters;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link ServerConfig#maxConcurrentRequests()}: at most that many route chains (application
 * middleware and handler) run at once. A request that finds every slot taken waits in a queue of
 * {@link ServerConfig#maxQueuedRequests()} for up to {@link ServerConfig#requestQueueTimeout()},
 * in arrival order; when the queue is full, or the wait runs out, it is answered {@code 503} with
 * {@code Retry-After: 1} in the application's error format, without running its handler.
 *
 * <p>The point is to keep the requests that are admitted fast while excess load is refused: with
 * virtual threads nothing else bounds how many handlers compete for the CPU, a connection pool or
 * a downstream service. Built-in answers (404, 405, OPTIONS) and the health endpoints are not
 * limited, so probes still answer on a saturated server.
 *
 * <p>Thread-safe; waiting parks the virtual thread (a {@link Semaphore}, no monitor), and the
 * queue is bounded by a counter, so a burst holds at most {@code maxQueuedRequests} waiters.
 */
public final class ConcurrencyLimit {
    private final Semaphore slots;
    private final int maxQueued;
    private final long queueTimeoutNanos;
    private final AtomicInteger queued = new AtomicInteger();
    private final ServerCounters counters;

    private ConcurrencyLimit(ServerConfig config, ServerCounters counters) {
        // Fair, so queued requests are served in arrival order and a newcomer cannot take the
        // slot a waiter was about to get.
        this.slots = new Semaphore(config.maxConcurrentRequests(), true);
        this.maxQueued = config.maxQueuedRequests();
        this.queueTimeoutNanos = config.requestQueueTimeout().toNanos();
        this.counters = counters;
    }

    /** The limit {@code config} asks for, or null when it sets none. */
    public static ConcurrencyLimit of(ServerConfig config, ServerCounters counters) {
        return config.maxConcurrentRequests() == 0 ? null : new ConcurrencyLimit(config, counters);
    }

    /** Marks a route handler as exempt from the limit (the health endpoints). */
    public static Handler exempt(Handler handler) {
        return new Exempt(handler);
    }

    /**
     * Wraps a route's whole chain in the limit.
     *
     * @param handler the route's own handler, as registered (exempt ones are left alone)
     * @param chain its middleware and handler composed
     */
    public Handler guard(Handler handler, Handler chain) {
        if (handler instanceof Exempt) {
            return chain;
        }
        return ctx -> {
            acquire();
            try {
                chain.handle(ctx);
            } finally {
                slots.release();
            }
        };
    }

    private void acquire() {
        try {
            // Timed, even with no wait: the untimed tryAcquire() barges past queued requests.
            if (slots.tryAcquire(0, TimeUnit.NANOSECONDS)) {
                return;
            }
            if (queued.incrementAndGet() > maxQueued) {
                queued.decrementAndGet();
                throw refused();
            }
            try {
                if (!slots.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS)) {
                    throw refused();
                }
            } finally {
                queued.decrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused();
        }
    }

    private ServiceUnavailableException refused() {
        counters.requestRejected();
        return (ServiceUnavailableException) new ServiceUnavailableException("Too many requests in progress")
                .header("Retry-After", "1");
    }

    /** A handler the limit leaves alone; delegates, so the route behaves the same otherwise. */
    private record Exempt(Handler handler) implements Handler {
        @Override
        public void handle(Context ctx) throws Exception {
            handler.handle(ctx);
        }
    }
}
