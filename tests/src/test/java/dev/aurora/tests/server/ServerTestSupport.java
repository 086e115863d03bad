package dev.aurora.tests.server;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.test.RawConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;

/**
 * Starts one server per test on 127.0.0.1 and an ephemeral port, hands out {@link RawConnection}s, and
 * closes everything after the test.
 */
abstract class ServerTestSupport {
    protected Aurora app;
    protected int port;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    /** The base configuration every socket test starts from. */
    static ServerConfig config() {
        return ServerConfig.defaults().withHost("127.0.0.1");
    }

    protected Aurora start(Consumer<Aurora> routes) {
        return start(config(), routes);
    }

    protected Aurora start(ServerConfig config, Consumer<Aurora> routes) {
        app = Aurora.create(config);
        routes.accept(app);
        app.start(0);
        port = app.port();
        return app;
    }

    protected RawConnection client() {
        return track(RawConnection.open(port));
    }

    protected RawConnection client(Duration readTimeout) {
        return track(RawConnection.open(port, readTimeout));
    }

    protected <T extends AutoCloseable> T track(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    @AfterEach
    void stopServerAndClients() throws Exception {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        closeables.clear();
        if (app != null) {
            app.stop(Duration.ofSeconds(1));
        }
    }
}
