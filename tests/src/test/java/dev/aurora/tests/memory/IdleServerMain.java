package dev.aurora.tests.memory;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The server the memory tests measure, in a JVM of its own so that its heap holds nothing of the
 * clients': {@code GET /plaintext} as in the load recipes, and {@code GET /heap}, which collects
 * twice and answers the bytes of live heap. Prints {@code PORT <n>} once it listens.
 */
public final class IdleServerMain {
    private IdleServerMain() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("0.0.0.0"))
                .get("/plaintext", ctx -> ctx.send("Hello, World!"))
                .get("/heap", ctx -> {
                    System.gc();
                    System.gc();
                    ctx.send(Long.toString(memory.getHeapMemoryUsage().getUsed()));
                });
        app.start(0);
        System.out.println("PORT " + app.port());
        System.out.flush();
    }
}
