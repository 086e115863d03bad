package dev.aurora.internal.server;

import dev.aurora.ServerConfig;
import dev.aurora.internal.observe.ServerCounters;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Enforces every socket timeout: the read deadlines published by {@link SocketInput} (first
 * request, keep-alive idle, request head, body reads and their minimum rate) and the write timeout (a blocking socket write has no timeout of
 * its own, so a client that stops reading could hold a connection's thread forever).
 *
 * <p>It looks at every open connection a few times per shortest timeout (at most once every 10 ms,
 * at least once a second), so a timeout fires between its nominal value and that plus one period.
 * Checking a connection is two volatile reads. Runs on its own platform daemon thread,
 * {@code aurora-timeouts}.
 */
final class TimeoutWatchdog implements Runnable {
    private static final long MIN_PERIOD_NANOS = Duration.ofMillis(10).toNanos();
    private static final long MAX_PERIOD_NANOS = Duration.ofSeconds(1).toNanos();

    private final ConnectionRegistry registry;
    private final ServerCounters counters;
    private final long writeTimeoutNanos;
    private final long periodNanos;
    private final Thread thread;
    /** Built once: a capturing lambda per sweep would be garbage every period. */
    private final Consumer<Connection> check = this::check;
    private volatile boolean running = true;
    /** The time of the current sweep; only the watchdog thread reads or writes it. */
    private long now;

    TimeoutWatchdog(ConnectionRegistry registry, ServerConfig config, ServerCounters counters) {
        this.registry = registry;
        this.counters = counters;
        this.writeTimeoutNanos = config.writeTimeout().toNanos();
        // A loop, not a LongStream: streams cost a few milliseconds of class loading at start.
        long shortest = writeTimeoutNanos;
        for (Duration timeout : new Duration[] {config.firstRequestTimeout(),
                config.headerTimeout(), config.bodyReadTimeout(), config.bodyRateGrace(), config.keepAliveTimeout()}) {
            shortest = Math.min(shortest, timeout.toNanos());
        }
        this.periodNanos = Math.clamp(shortest / 4, MIN_PERIOD_NANOS, MAX_PERIOD_NANOS);
        this.thread = Thread.ofPlatform().daemon().name("aurora-timeouts").unstarted(this);
    }

    void start() {
        thread.start();
    }

    void stop() {
        running = false;
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        while (running) {
            LockSupport.parkNanos(periodNanos);
            now = System.nanoTime();
            try {
                registry.forEach(check);
            } catch (RuntimeException | OutOfMemoryError e) {
                // One sweep lost; the next one runs in a period. Dying here would leave every
                // connection without its timeouts.
            }
        }
    }

    private void check(Connection connection) {
        connection.expireIfOverdue(now);
        long started = connection.writeStartedNanos();
        if (started != 0 && now - started > writeTimeoutNanos) {
            if (connection.abort("write timeout")) {
                counters.connectionTimedOut();
            }
        }
    }
}
