package dev.aurora.tests.memory;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.ServerStats;
import dev.aurora.websocket.Message;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * The server {@link IdleWebSocketMemoryTest} measures, in a JVM of its own: a WebSocket echo on
 * {@code /echo} with the default options (keepalive pings on), {@code GET /heap} (collects twice,
 * answers the bytes of live heap) and {@code GET /stats} (open connections and pool buffers
 * leased, space-separated). Prints {@code PORT <n>} once it listens.
 */
public final class IdleWebSocketServerMain {
    private IdleWebSocketServerMain() {
    }

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        Aurora[] app = new Aurora[1];
        app[0] = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxConnections(10_000))
                .ws("/echo", ws -> {
                    while (ws.receive() instanceof Message.Text t) {
                        ws.send(t.text());
                    }
                })
                .get("/heap", ctx -> {
                    System.gc();
                    System.gc();
                    ctx.send(Long.toString(memory.getHeapMemoryUsage().getUsed()));
                })
                .get("/stats", ctx -> {
                    ServerStats stats = app[0].stats();
                    ctx.send(stats.activeConnections() + " " + stats.buffers().outstanding());
                });
        app[0].start(0);
        System.out.println("PORT " + app[0].port());
        System.out.flush();
    }
}
