package dev.aurora.internal.server;

import dev.aurora.Aurora;
import java.lang.reflect.Field;
import java.util.function.Function;

/**
 * Benchmark-only: {@link ServerRuntime#serveInMemory} without its virtual thread. It serves one
 * in-memory connection the same way (permit, {@link MemoryTransport}, {@link Connection}, the same
 * connection loop), but runs the connection on the calling thread instead of starting a virtual
 * thread and joining it, so {@code InProcessRoundTripBenchmark} can show what that thread hop costs.
 *
 * <p>It lives in this package, in the benchmarks module, to reach the package-private connection
 * classes on the class path; the application's runtime comes from the function {@link InProcess}
 * holds (a private field, read once by reflection). It copies {@code serveInMemory}, so it must
 * follow that method if that changes. Runs on the calling thread.
 */
public final class CallingThreadExchange {
    private final ServerRuntime runtime;

    private CallingThreadExchange(ServerRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * @param app the application; its routes are frozen, as by {@link InProcess#exchange}
     * @return an exchanger for that application
     */
    public static CallingThreadExchange of(Aurora app) throws ReflectiveOperationException {
        Field field = InProcess.class.getDeclaredField("runtimes");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Function<Aurora, ServerRuntime> runtimes = (Function<Aurora, ServerRuntime>) field.get(null);
        return new CallingThreadExchange(runtimes.apply(app));
    }

    /** Like {@link InProcess#exchange}, on the calling thread. */
    public byte[] exchange(byte[] request) {
        ConnectionRegistry connections = runtime.connections();
        if (!connections.tryAcquire()) {
            throw new IllegalStateException("maxConnections reached");
        }
        MemoryTransport transport = new MemoryTransport(request);
        Connection connection = new Connection(transport, runtime);
        connections.add(connection);
        connection.run();
        return transport.written();
    }
}
