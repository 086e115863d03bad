package dev.aurora.internal.inprocess;

import dev.aurora.Aurora;
import dev.aurora.internal.server.Connection;
import dev.aurora.internal.server.ServerRuntime;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Objects;

/**
 * The entry for running an application without a socket (the in-process test client, the hot-path
 * benchmarks). Requests go through the same connection loop, parser, router and writer as over a
 * socket; only the transport is memory.
 *
 * <p>An application's runtime is reached through {@code Aurora.inProcessRuntime()}, a private
 * method that this class alone calls, by a private lookup within the module: the public API gains
 * nothing, and no registration runs behind a reader's back. Any thread.
 */
public final class InProcess {
    private static final MethodHandle RUNTIME;

    static {
        try {
            RUNTIME = MethodHandles.privateLookupIn(Aurora.class, MethodHandles.lookup())
                    .findVirtual(Aurora.class, "inProcessRuntime", MethodType.methodType(ServerRuntime.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private InProcess() {
    }

    /**
     * Writes {@code request} (one or more complete HTTP/1.1 requests) into the application as a
     * connection's bytes, then closes the client's side, and returns every byte the server
     * answered. Served on a virtual thread, as in production (on the calling thread if it is one
     * already). Freezes the application's routes, as {@code start()} does; the application need
     * not be started.
     *
     * @throws IllegalStateException when {@code maxConnections} connections are open
     */
    public static byte[] exchange(Aurora app, byte[] request) throws InterruptedException {
        ServerRuntime runtime = runtime(app);
        if (Thread.currentThread().isVirtual()) {
            try (InProcessConnection connection = new InProcessConnection(runtime)) {
                return connection.exchange(request);
            }
        }
        MemoryTransport transport = new MemoryTransport(request);
        Connection connection = runtime.admit(transport);
        Thread thread;
        try {
            thread = Thread.ofVirtual().name("aurora-in-process").start(connection);
        } catch (RuntimeException | OutOfMemoryError e) {
            connection.close();
            throw e;
        }
        thread.join();
        return transport.written();
    }

    /**
     * Opens a keep-alive connection to {@code app} served in memory on the calling thread; it counts
     * against {@code maxConnections} until closed. Freezes the application's routes, as
     * {@code start()} does.
     */
    public static InProcessConnection connect(Aurora app) {
        return new InProcessConnection(runtime(app));
    }

    /**
     * Opens a connection to {@code app} over in-memory pipes, served by its own virtual thread, for
     * two-way conversations (WebSocket). Freezes the application's routes, as {@code start()} does.
     *
     * @param readTimeoutMillis how long a read of the returned socket's input waits at most
     * @throws IllegalStateException when {@code maxConnections} connections are open
     */
    public static InProcessSocket openSocket(Aurora app, int readTimeoutMillis) {
        return InProcessSocket.connect(runtime(app), readTimeoutMillis);
    }

    /** The runtime serving {@code app}: the running server's, else one built unstarted. */
    static ServerRuntime runtime(Aurora app) {
        Objects.requireNonNull(app, "app");
        try {
            return (ServerRuntime) RUNTIME.invokeExact(app);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
