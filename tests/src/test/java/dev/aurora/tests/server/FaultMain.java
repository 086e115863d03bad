package dev.aurora.tests.server;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * A server on a small heap whose {@code /oom} handler fills the heap with 1 MiB blocks until the
 * JVM gives up, as a handler that loads a result set too large would.
 */
public final class FaultMain {
    private FaultMain() {
    }

    public static void main(String[] args) {
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"))
                .get("/plaintext", ctx -> ctx.send("Hello, World!"))
                .get("/oom", ctx -> {
                    List<byte[]> rows = new ArrayList<>();
                    while (true) {
                        rows.add(new byte[1 << 20]);
                    }
                })
                .start(0);
        System.out.println("PORT " + app.port());
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }
}
