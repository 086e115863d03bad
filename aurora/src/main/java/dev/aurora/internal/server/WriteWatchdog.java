package dev.aurora.internal.server;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces the write timeout. A blocking socket write has no timeout of its own, so a client that
 * stops reading could hold a connection's virtual thread forever; this thread looks at every
 * connection a few times per timeout period and closes those stuck in one write for longer than
 * the timeout. Runs on its own platform daemon thread, {@code aurora-write-watchdog}.
 */
final class WriteWatchdog implements Runnable {
    private final ConnectionRegistry registry;
    private final long timeoutNanos;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;

    WriteWatchdog(ConnectionRegistry registry, Duration timeout) {
        this.registry = registry;
        this.timeoutNanos = timeout.toNanos();
        this.periodNanos = Math.clamp(timeoutNanos / 4, Duration.ofMillis(10).toNanos(), Duration.ofSeconds(1).toNanos());
        this.thread = Thread.ofPlatform().daemon().name("aurora-write-watchdog").unstarted(this);
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
            long now = System.nanoTime();
            registry.forEach(connection -> {
                long started = connection.writeStartedNanos();
                if (started != 0 && now - started > timeoutNanos) {
                    connection.abort("write timeout");
                }
            });
        }
    }
}
