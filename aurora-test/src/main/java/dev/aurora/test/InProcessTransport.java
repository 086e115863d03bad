package dev.aurora.test;

import dev.aurora.Aurora;
import dev.aurora.internal.server.InProcess;

/**
 * Runs requests through the application without a socket, via {@link InProcess#exchange}: the
 * real parser, router, middleware and response writer run on the same loop as for a socket.
 *
 * <p>{@code dev.aurora.internal.server} is not exported by the {@code dev.aurora} module; this
 * works because aurora-test (and its users' tests) run on the class path, where module
 * encapsulation does not apply. On the module path it would need
 * {@code --add-exports dev.aurora/dev.aurora.internal.server=ALL-UNNAMED} (or the test module).
 */
final class InProcessTransport implements Transport {
    private final Aurora app;

    InProcessTransport(Aurora app) {
        this.app = app;
    }

    @Override
    public byte[] exchange(byte[] request) throws InterruptedException {
        return InProcess.exchange(app, request);
    }

    @Override
    public void close() {
        // nothing was started
    }
}
