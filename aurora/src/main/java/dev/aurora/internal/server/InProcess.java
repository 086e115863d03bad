package dev.aurora.internal.server;

import dev.aurora.Aurora;
import java.util.Objects;
import java.util.function.Function;

/**
 * The entry for running an application without a socket (the in-process test client). Aurora
 * registers, from its static initializer, the function that gives an application's runtime, so
 * this stays out of the public API. Any thread.
 */
public final class InProcess {
    private static volatile Function<Aurora, ServerRuntime> runtimes;

    private InProcess() {
    }

    /** Called once by {@link Aurora}'s static initializer. */
    public static void register(Function<Aurora, ServerRuntime> runtimeOf) {
        runtimes = Objects.requireNonNull(runtimeOf);
    }

    /**
     * Writes {@code request} (one or more complete HTTP/1.1 requests) into the application as a
     * connection's bytes and returns every byte the server answered. Freezes the application's
     * routes, as {@code start()} does; the application need not be started.
     */
    public static byte[] exchange(Aurora app, byte[] request) throws InterruptedException {
        Objects.requireNonNull(app, "app");
        return runtimes.apply(app).serveInMemory(request);
    }

    /** The runtime serving {@code app}: the running server's, else the in-process one (tests). */
    static ServerRuntime runtime(Aurora app) {
        return runtimes.apply(app);
    }

    /**
     * Opens a keep-alive connection to {@code app} served in memory on the calling thread. Freezes
     * the application's routes, as {@code start()} does.
     */
    public static InProcessConnection connect(Aurora app) {
        Objects.requireNonNull(app, "app");
        return runtimes.apply(app).connectInMemory();
    }
}
