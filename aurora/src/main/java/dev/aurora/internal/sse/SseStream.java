package dev.aurora.internal.sse;

import dev.aurora.sse.SseEmitter;
import dev.aurora.sse.SseEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open event stream: the {@link SseEmitter} a handler gets. Every write (event, comment,
 * heartbeat) is framed and flushed to the response body under {@link #lock}, which is also what
 * keeps the connection's output buffer single-threaded while other threads send; the handler's
 * return takes the same lock before the connection finishes the response.
 *
 * <p>Closing (any thread, once): {@code open} turns false under the lock, waiters in
 * {@link #awaitClose()} wake, the heartbeat is cancelled, and the handler's thread is interrupted if
 * it is still in the handler, is not the closing thread and is not waiting in {@code awaitClose}.
 * The handler's return clears that interrupt. Callbacks then run outside the lock.
 *
 * <p>Runs on the connection's virtual thread (the handler), on any sending thread, and on a short
 * virtual thread per heartbeat.
 */
public final class SseStream implements SseEmitter {
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);
    private static final byte[] HEARTBEAT = {':', ' ', 'h', 'e', 'a', 'r', 't', 'b', 'e', 'a', 't', '\n', '\n'};

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition closed = lock.newCondition();
    private final OutputStream body;
    private final Thread handlerThread;
    private final String lastEventId;
    private final SseStreams owner;
    private final SseEncoder encoder = new SseEncoder();
    /** Guarded by lock; null once they ran. */
    private List<Runnable> callbacks = new ArrayList<>(1);
    private volatile boolean open = true;
    /** Guarded by lock. */
    private boolean handlerRunning = true;
    private boolean handlerWaiting;
    private boolean handlerInterrupted;
    /** Set under the lock by a failed write; the stream is closed once the lock is released. */
    private boolean broken;
    private ScheduledFuture<?> heartbeat;
    private volatile long heartbeatNanos;
    private volatile long lastWriteNanos = System.nanoTime();

    /**
     * @param body the response body, already committed with the stream's headers
     * @param handlerThread the thread that runs the handler
     * @param lastEventId the request's {@code Last-Event-ID}, or null
     * @param owner schedules heartbeats and closes the stream at shutdown
     */
    public SseStream(OutputStream body, Thread handlerThread, String lastEventId, SseStreams owner) {
        this.body = body;
        this.handlerThread = handlerThread;
        this.lastEventId = lastEventId;
        this.owner = owner;
    }

    @Override
    public boolean send(String data) {
        Objects.requireNonNull(data, "data");
        lock.lock();
        try {
            return open && write(encoder.reset().event(null, data));
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    @Override
    public boolean send(String event, String data) {
        Objects.requireNonNull(data, "data");
        if (event.indexOf('\n') >= 0 || event.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("SSE event must be a single line: " + event);
        }
        lock.lock();
        try {
            return open && write(encoder.reset().event(event, data));
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    @Override
    public boolean send(SseEvent event) {
        Objects.requireNonNull(event, "event");
        lock.lock();
        try {
            return open && write(encoder.reset().event(event));
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    @Override
    public boolean retry(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("SSE retry must not be negative: " + delay);
        }
        lock.lock();
        try {
            return open && write(encoder.reset().retry(delay.toMillis()).end());
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    @Override
    public boolean comment(String text) {
        Objects.requireNonNull(text, "text");
        lock.lock();
        try {
            return open && write(encoder.reset().comment(text).end());
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    /** Sends the head of the response now, so the client sees the stream open before any event. */
    void flushHead() {
        lock.lock();
        try {
            if (open) {
                writeRaw(null, 0);
            }
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    /**
     * Writes one heartbeat if the stream was idle; skips it if a send holds the lock (that write
     * proves the client alive, or fails by itself). Runs on a short-lived virtual thread.
     */
    void heartbeat() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            if (open && idle()) {
                writeRaw(HEARTBEAT, HEARTBEAT.length);
            }
        } finally {
            unlockAndCloseIfBroken();
        }
    }

    /** Whether nothing was written for half an interval or more: heartbeats go only to idle streams. */
    boolean idle() {
        return System.nanoTime() - lastWriteNanos >= heartbeatNanos / 2;
    }

    @Override
    public SseEmitter heartbeat(Duration interval) {
        if (interval.isNegative() || (!interval.isZero() && interval.toMillis() < 1)) {
            throw new IllegalArgumentException("SSE heartbeat must be 0 (off) or at least 1 ms: " + interval);
        }
        lock.lock();
        try {
            cancelHeartbeat();
            heartbeatNanos = interval.toNanos();
            if (open && heartbeatNanos > 0) {
                heartbeat = owner.schedule(this, heartbeatNanos);
            }
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    public String lastEventId() {
        return lastEventId;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public SseEmitter onClose(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        lock.lock();
        try {
            if (callbacks != null) {
                callbacks.add(callback);
                return this;
            }
        } finally {
            lock.unlock();
        }
        run(callback);
        return this;
    }

    @Override
    public void awaitClose() throws InterruptedException {
        boolean handler = Thread.currentThread() == handlerThread;
        lock.lock();
        try {
            handlerWaiting = handler;
            while (open) {
                closed.await();
            }
        } finally {
            if (handler) {
                handlerWaiting = false;
            }
            lock.unlock();
        }
    }

    @Override
    public void close() {
        List<Runnable> toRun;
        lock.lock();
        try {
            if (!open) {
                return;
            }
            open = false;
            closed.signalAll();
            cancelHeartbeat();
            if (handlerRunning && !handlerWaiting && Thread.currentThread() != handlerThread) {
                handlerInterrupted = true;
                handlerThread.interrupt();
            }
            toRun = callbacks;
            callbacks = null;
        } finally {
            lock.unlock();
        }
        owner.remove(this);
        toRun.forEach(SseStream::run);
    }

    /** Whether closing interrupted the handler's thread. */
    boolean interruptedByClose() {
        lock.lock();
        try {
            return handlerInterrupted;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The handler returned (or threw): the stream closes, and an interrupt the closing delivered is
     * cleared so it cannot reach the connection's next request. Called on the handler's thread.
     */
    void handlerReturned() {
        lock.lock();
        try {
            handlerRunning = false;
        } finally {
            lock.unlock();
        }
        close();
        if (interruptedByClose()) {
            Thread.interrupted();
        }
    }

    private boolean write(SseEncoder frame) {
        return writeRaw(frame.array(), frame.size());
    }

    /** Writes and flushes; false if the client is gone. */
    private boolean writeRaw(byte[] bytes, int length) {
        try {
            if (length > 0) {
                body.write(bytes, 0, length);
            }
            body.flush();
            lastWriteNanos = System.nanoTime();
            return true;
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("SSE stream closed by a failed write: {}", e.toString());
            broken = true;
            return false;
        }
    }

    private void unlockAndCloseIfBroken() {
        boolean close = broken && open;
        lock.unlock();
        if (close) {
            close();
        }
    }

    private void cancelHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private static void run(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("An SSE onClose callback failed", e);
        }
    }
}
