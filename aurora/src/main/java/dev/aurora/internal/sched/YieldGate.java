package dev.aurora.internal.sched;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Decides whether a connection may {@link Thread#yield()} before its next read: only within a short
 * window after the scheduler has shown that it still reaches work submitted from outside.
 *
 * <p>Why: a connection that yields after sending its response is usually handed its next request
 * without parking, which saves a failed read, a poller registration and a wake-up (10-25 % req/s
 * on one core). But the JDK's scheduler puts a thread that yields on its carrier's local queue
 * whenever that queue is not empty, and drains the local queue before it looks at the external
 * one, where the I/O poller's wake-up, timers and new connections wait. Connections that keep
 * finding their next request after a yield form a ring that never empties the local queue; every
 * connection that had to park waits until the ring breaks by chance: measured up to seconds at
 * 1,000 connections (docs/performance.md, "Fair under load").
 *
 * <p>So yields are allowed only for {@link #WINDOW_NANOS} after a probe thread last ran, and the
 * probe is woken through a timer, which submits it externally: it runs only once the scheduler has
 * worked through the external tasks queued before it. When the window closes, connections read
 * without yielding, park when no bytes are there, the local queue drains, the waiting tasks run,
 * then the probe, which opens the next window. A connection thus waits at most about one window
 * plus one pass over the queue, while the yields keep most of their gain. An idle server never
 * wakes the probe: it runs only when a connection asks for a window.
 *
 * <p>One gate for the JVM, as there is one virtual-thread scheduler.
 */
public final class YieldGate {
    /** Short against the tail it bounds (p99 goal 2 ms), long against one request (~10 µs). */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Any timed park goes through the timer, which is what matters, not the time. */
    private static final long PROBE_PARK_NANOS = 1_000;

    private static final YieldGate GATE = new YieldGate(WINDOW_NANOS);

    private final long windowNanos;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<Thread> probe = new AtomicReference<>();
    private volatile long windowEnd = System.nanoTime();

    /** A gate of its own (the server uses the one of {@link #mayYield()}). */
    YieldGate(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Whether the calling connection may yield now; when not, asks for the next window. */
    public static boolean mayYield() {
        return GATE.allowed();
    }

    boolean allowed() {
        if (System.nanoTime() - windowEnd < 0) {
            return true;
        }
        if (!requested.get() && requested.compareAndSet(false, true)) {
            LockSupport.unpark(probe());
        }
        return false;
    }

    /** Started on first use, so an application that never serves a socket has no probe. */
    private Thread probe() {
        Thread p = probe.get();
        if (p == null) {
            Thread fresh = Thread.ofVirtual().name("aurora-yield-gate").unstarted(this::run);
            if (probe.compareAndSet(null, fresh)) {
                fresh.start();
                p = fresh;
            } else {
                p = probe.get();
            }
        }
        return p;
    }

    private void run() {
        while (true) {
            while (!requested.get()) {
                LockSupport.park(this);
            }
            LockSupport.parkNanos(this, PROBE_PARK_NANOS);
            windowEnd = System.nanoTime() + windowNanos;
            requested.set(false);
        }
    }
}
