package dev.aurora.test;

import dev.aurora.Aurora;
import dev.aurora.internal.inprocess.InProcess;
import dev.aurora.internal.inprocess.InProcessConnection;
import java.io.IOException;

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
    public Channel connect() {
        InProcessConnection connection = InProcess.connect(app);
        return new Channel() {
            @Override
            public TestResponse exchange(byte[] request, boolean headRequest) throws IOException {
                if (!connection.isOpen()) {
                    throw new IOException("The server closed the connection");
                }
                return ResponseParser.parseOne(connection.exchange(request), headRequest);
            }

            @Override
            public boolean isOpen() {
                return connection.isOpen();
            }

            @Override
            public void close() {
                connection.close();
            }
        };
    }

    @Override
    public Stream stream(int readTimeoutMillis) {
        dev.aurora.internal.inprocess.InProcessSocket socket = InProcess.openSocket(app, readTimeoutMillis);
        return new Stream() {
            @Override
            public java.io.InputStream input() {
                return socket.input();
            }

            @Override
            public java.io.OutputStream output() {
                return socket.output();
            }

            @Override
            public void close() {
                socket.close();
            }
        };
    }

    @Override
    public void close() {
        // nothing was started
    }
}
