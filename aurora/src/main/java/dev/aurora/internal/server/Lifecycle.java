package dev.aurora.internal.server;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * An application's life: first registration, while routes and settings may change; then one
 * runtime serves it, built by the first of {@link #start} and {@link #inProcessRuntime} (an
 * in-process runtime is the one a later start binds); then stopped, for good. Every step holds one
 * lock, so registration and the transitions may come from any thread.
 */
public final class Lifecycle {
    private final ReentrantLock lock = new ReentrantLock();
    private final Supplier<ServerRuntime> build;
    private ServerRuntime running;
    private ServerRuntime inProcess;
    private int port = -1;
    private boolean stopped;

    /** @param build freezes the registrations into a runtime; called once */
    public Lifecycle(Supplier<ServerRuntime> build) {
        this.build = build;
    }

    /**
     * Runs one registration.
     *
     * @throws IllegalStateException once a runtime was built or the application stopped
     */
    public void register(Runnable registration) {
        lock.lock();
        try {
            if (running != null || inProcess != null || stopped) {
                throw new IllegalStateException(
                        "Routes, middleware and handlers must be registered before start() and before in-process use");
            }
            registration.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Binds {@code port} and starts accepting.
     *
     * @return the bound port
     * @throws IllegalStateException if already started or stopped
     */
    public int start(int requested) {
        lock.lock();
        try {
            if (running != null || stopped) {
                throw new IllegalStateException("Aurora can be started once");
            }
            ServerRuntime runtime = inProcess != null ? inProcess : build.get();
            port = runtime.start(requested);
            running = runtime;
            return port;
        } finally {
            lock.unlock();
        }
    }

    /** The runtime in-process requests go through: the running server's, or one built unstarted. */
    public ServerRuntime inProcessRuntime() {
        lock.lock();
        try {
            if (running != null) {
                return running;
            }
            if (inProcess == null) {
                inProcess = build.get();
            }
            return inProcess;
        } finally {
            lock.unlock();
        }
    }

    /** @throws IllegalStateException if the server is not running */
    public int port() {
        lock.lock();
        try {
            if (running == null) {
                throw new IllegalStateException("Aurora is not running");
            }
            return port;
        } finally {
            lock.unlock();
        }
    }

    /** @throws IllegalStateException if the server is not running */
    public ServerRuntime running() {
        lock.lock();
        try {
            if (running == null) {
                throw new IllegalStateException("Aurora is not running");
            }
            return running;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the running server gracefully, if there is one, and ends the application's life. Idempotent. */
    public void stop(Duration grace) {
        ServerRuntime runtime;
        lock.lock();
        try {
            stopped = true;
            runtime = running;
            running = null;
        } finally {
            lock.unlock();
        }
        if (runtime != null) {
            runtime.stop(grace);
        }
    }
}
