package dev.aurora.internal.sse;

import dev.aurora.Context;
import dev.aurora.sse.SseEmitter;
import dev.aurora.sse.SseHandler;
import java.io.OutputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server's open event streams and their heartbeat timer. One per running server: it starts
 * streams for {@link Context#sse(SseHandler)}, and at shutdown closes them all, so an open stream
 * ends at once instead of holding the server for its whole grace period.
 *
 * <p>Bounded: the set holds at most one stream per open connection, and all heartbeats share one
 * platform daemon thread, {@code aurora-sse-heartbeats}, started with the first stream. The timer
 * thread only checks the clock; a heartbeat that is due is written by a short virtual thread, so a
 * client that stops reading blocks neither the timer nor other streams (its write is cut by the
 * server's write timeout). Any thread.
 */
public final class SseStreams {
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock; created on first use. */
    private ScheduledThreadPoolExecutor timer;
    private volatile boolean stopped;

    /**
     * Answers {@code ctx} with an event stream and runs {@code handler} on the calling thread, the
     * connection's, until it returns.
     */
    public void serve(Context ctx, SseHandler handler) throws Exception {
        ctx.header("Content-Type", "text/event-stream").header("Cache-Control", "no-cache");
        OutputStream body = ctx.outputStream();
        if ("HEAD".equals(ctx.method())) {
            return;
        }
        SseStream stream = new SseStream(body, Thread.currentThread(), ctx.header("Last-Event-ID"), this);
        register(stream);
        stream.heartbeat(SseEmitter.DEFAULT_HEARTBEAT);
        stream.flushHead();
        try {
            handler.handle(stream);
        } catch (InterruptedException e) {
            if (!stream.interruptedByClose()) {
                throw e;
            }
            // The stream closed and told the handler to stop; it did: a normal end, not an error.
        } finally {
            stream.handlerReturned();
        }
    }

    /** Open streams right now. */
    public int size() {
        return open.size();
    }

    /** Closes every open stream and ends the heartbeat thread; later streams start closed. */
    public void stop() {
        stopped = true;
        open.forEach(SseStream::close);
        lock.lock();
        try {
            if (timer != null) {
                timer.shutdownNow();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Checks {@code stream} every {@code periodNanos}; null once stopped. */
    ScheduledFuture<?> schedule(SseStream stream, long periodNanos) {
        lock.lock();
        try {
            if (stopped) {
                return null;
            }
            if (timer == null) {
                timer = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread thread = new Thread(task, "aurora-sse-heartbeats");
                    thread.setDaemon(true);
                    return thread;
                });
                timer.setRemoveOnCancelPolicy(true);
            }
            return timer.scheduleAtFixedRate(() -> {
                if (stream.idle()) {
                    Thread.ofVirtual().name("aurora-sse-heartbeat").start(stream::heartbeat);
                }
            }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
        } finally {
            lock.unlock();
        }
    }

    /** Adds an open stream; one started while stopping is closed at once. */
    void register(SseStream stream) {
        open.add(stream);
        if (stopped) {
            // Raced with stop(): it either closed the stream already or never saw it.
            stream.close();
        }
    }

    void remove(SseStream stream) {
        open.remove(stream);
    }
}
