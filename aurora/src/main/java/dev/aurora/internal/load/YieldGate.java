package dev.aurora.internal.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether a connection may {@link Thread#yield()} before its next read: only within a short
 * window after the I/O poller's wake-ups have been seen to reach the scheduler.
 *
 * <p>Why: a connection that yields after sending its response is usually handed its next request
 * without parking, which saves a failed read, a poller registration and a wake-up (5-15 % req/s on
 * one core). But the JDK's scheduler puts a thread that yields on its carrier's local queue whenever
 * that queue is not empty, and drains the local queue before it looks at the external one, where
 * the I/O poller's wake-up, timers and new connections wait. Connections that keep finding their
 * next request after a yield form a ring that never empties the local queue; every connection that
 * had to park waits until the ring breaks by chance: measured up to seconds at 1,000 connections
 * (docs/performance.md, "Fair under load").
 *
 * <p>So yields are allowed only for {@link #WINDOW_NANOS} after a probe thread last ran, and the
 * probe waits the way a parked connection does: in a blocking read, here of a pipe, which the
 * first connection to find the window closed writes one byte to. The probe therefore runs only
 * after the poller's wake-up went through the scheduler, which is the path the ring starves. When
 * the window closes, connections read without yielding, park when no bytes are there, the local
 * queue drains, the poller's wake-ups run (the probe's and every parked connection's that is
 * ready), and the probe opens the next window. An idle server never wakes the probe: it runs only
 * when a connection asks for a window.
 *
 * <p>One gate for the JVM, as there is one virtual-thread scheduler.
 */
public final class YieldGate {
    /** Short against the tail it bounds (p99 goal 2 ms), long against one request (~10 µs). */
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private static final YieldGate GATE = new YieldGate(WINDOW_NANOS);

    private final long windowNanos;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicReference<Pipe> pipe = new AtomicReference<>();
    /** Written only by the thread that won {@link #requested}. */
    private final ByteBuffer signal = ByteBuffer.allocate(1);
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
            try {
                signal.clear();
                probe().sink().write(signal);
            } catch (IOException e) {
                // No probe, no window: the connection reads without yielding, which is always fair.
                requested.set(false);
            }
        }
        return false;
    }

    /** Opened and started on first use, so an application that never serves a socket has neither. */
    private Pipe probe() throws IOException {
        Pipe p = pipe.get();
        if (p == null) {
            Pipe fresh = Pipe.open();
            if (pipe.compareAndSet(null, fresh)) {
                Thread.ofVirtual().name("aurora-yield-gate").start(() -> run(fresh));
                p = fresh;
            } else {
                fresh.sink().close();
                fresh.source().close();
                p = pipe.get();
            }
        }
        return p;
    }

    private void run(Pipe p) {
        ByteBuffer in = ByteBuffer.allocate(64);
        try {
            while (true) {
                in.clear();
                if (p.source().read(in) < 0) {
                    return;
                }
                windowEnd = System.nanoTime() + windowNanos;
                requested.set(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("yield gate probe", e);
        }
    }
}
