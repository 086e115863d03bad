package dev.aurora.internal.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The open connections: admission against {@code maxConnections} (a lock-free counter on the
 * acceptor's path), the set that shutdown and the timeout watchdog walk, and a wait for "all closed".
 * Bounded by construction: a connection is only added after a permit was taken. Any thread.
 */
final class ConnectionRegistry {
    private final int max;
    private final AtomicInteger count = new AtomicInteger();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition empty = lock.newCondition();

    ConnectionRegistry(int max) {
        this.max = max;
    }

    /** Takes a permit for a new connection; false when the server is full. */
    boolean tryAcquire() {
        if (count.incrementAndGet() > max) {
            release();
            return false;
        }
        return true;
    }

    void add(Connection connection) {
        open.add(connection);
    }

    /** Removes a connection (or returns an unused permit) and wakes a waiting shutdown. */
    void remove(Connection connection) {
        if (connection != null) {
            open.remove(connection);
        }
        release();
    }

    private void release() {
        if (count.decrementAndGet() == 0) {
            lock.lock();
            try {
                empty.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    int size() {
        return count.get();
    }

    void forEach(Consumer<Connection> action) {
        open.forEach(action);
    }

    /** Waits until no connection is open; true if that happened before the deadline. */
    boolean awaitEmpty(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (count.get() > 0) {
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                empty.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
