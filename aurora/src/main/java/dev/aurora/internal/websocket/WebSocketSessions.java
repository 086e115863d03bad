package dev.aurora.internal.websocket;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A server's open WebSockets and their timer. At shutdown every session is sent {@code 1001 Going
 * Away}; the server's stop then waits, up to its deadline, for the connections to end, which they
 * do as their close handshakes complete.
 *
 * <p>Bounded: at most one session per open connection; every keepalive ping and close timeout
 * shares one platform daemon thread, {@code aurora-websocket-timer}, started with the first
 * session that needs it. The timer only checks; a write is made by a short virtual thread, so a
 * client that stops reading blocks neither the timer nor other sessions. Any thread.
 */
public final class WebSocketSessions {
    private final Set<WebSocketSession> open = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock; created on first use. */
    private ScheduledThreadPoolExecutor timer;
    private volatile boolean stopped;

    /** Open WebSockets right now. */
    public int size() {
        return open.size();
    }

    /** Sends {@code 1001} to every open WebSocket, each from its own virtual thread; later ones are closed at once. */
    public void stop() {
        stopped = true;
        open.forEach(WebSocketSessions::goAway);
    }

    /** Ends the timer thread, once the server has stopped. */
    public void release() {
        lock.lock();
        try {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private static void goAway(WebSocketSession session) {
        Thread.ofVirtual().name("aurora-websocket-close").start(
                () -> session.sendClose(dev.aurora.websocket.CloseCodes.GOING_AWAY_1001, "Server stopping"));
    }

    void register(WebSocketSession session) {
        open.add(session);
        if (stopped) {
            // Raced with stop(): it either reached this session or never saw it.
            goAway(session);
        }
    }

    void remove(WebSocketSession session) {
        open.remove(session);
    }

    /** Runs {@code task} on a virtual thread after {@code delayNanos}; null once the timer is gone. */
    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        ScheduledThreadPoolExecutor t = timer();
        return t == null ? null : t.schedule(() -> {
            Thread.ofVirtual().name("aurora-websocket-timeout").start(task);
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Offers {@code session} a keepalive ping every {@code periodNanos}. */
    ScheduledFuture<?> repeat(WebSocketSession session, long periodNanos) {
        ScheduledThreadPoolExecutor t = timer();
        return t == null ? null : t.scheduleAtFixedRate(() -> {
            Thread.ofVirtual().name("aurora-websocket-ping").start(session::keepalivePing);
        }, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }

    private ScheduledThreadPoolExecutor timer() {
        lock.lock();
        try {
            if (timer == null) {
                timer = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread thread = new Thread(task, "aurora-websocket-timer");
                    thread.setDaemon(true);
                    return thread;
                });
                timer.setRemoveOnCancelPolicy(true);
            }
            return timer;
        } finally {
            lock.unlock();
        }
    }
}
