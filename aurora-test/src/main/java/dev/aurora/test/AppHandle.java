package dev.aurora.test;

import dev.aurora.Aurora;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An application held by {@link AuroraExtension} for one scope. Starts it on an ephemeral port the
 * first time a server-mode client is needed; on {@link #close()} stops what it started and closes
 * an application a {@link TestApp} method built for it. Thread-safe: parallel tests of one class
 * share a static application.
 */
final class AppHandle implements AutoCloseable {
    private final Aurora app;
    private final boolean built;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean started;

    AppHandle(Aurora app, boolean built) {
        this.app = app;
        this.built = built;
    }

    Aurora app() {
        return app;
    }

    /** The application, started on an ephemeral port if it is not running; it stays up until {@link #close()}. */
    Aurora started() {
        lock.lock();
        try {
            if (!started && !running()) {
                app.start(0);
                started = true;
            }
        } finally {
            lock.unlock();
        }
        return app;
    }

    /** A loopback client to the {@linkplain #started() started} application. */
    AuroraTestClient client() {
        return AuroraTestClient.http(started());
    }

    private boolean running() {
        try {
            app.port();
            return true;
        } catch (IllegalStateException notRunning) {
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (started || built) {
                app.stop();
            }
        } finally {
            lock.unlock();
        }
    }
}
