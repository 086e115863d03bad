package dev.aurora.internal.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Handler;
import dev.aurora.ServerConfig;
import dev.aurora.TrailingSlash;
import dev.aurora.internal.json.AppJson;
import dev.aurora.json.JacksonCodec;
import dev.aurora.internal.observe.RequestLogging;
import dev.aurora.internal.observe.ServerCounters;
import dev.aurora.internal.routing.RouteTree;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Responses to pipelined requests that arrive together leave in one socket write. */
class WriteBatchingTest {
    private static final int PIPELINE_DEPTH = 16;
    private ServerRuntime server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(1));
        }
    }

    @Test
    void sixteenPipelinedRequestsCostOneWrite() throws Exception {
        RouteTree.Builder<Handler> routes = RouteTree.builder();
        routes.add("GET", "/n", ctx -> ctx.send("n=" + ctx.query("i")), "test");
        Dispatcher dispatcher = new Dispatcher(routes.build(), List.of(), TrailingSlash.IGNORE, Map.of(),
                new AppJson(JacksonCodec.defaults(), false), dev.aurora.FormConfig.defaults(), RequestLogging.OFF,
                ServerConfig.defaults().maxBodySize());
        server = new ServerRuntime(ServerConfig.defaults().withHost("127.0.0.1"), dispatcher, new ServerCounters(),
                null);
        int port = server.start(0);

        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < PIPELINE_DEPTH; i++) {
            batch.append("GET /n?i=").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(batch.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String responses = readUntil(socket.getInputStream(), "n=" + (PIPELINE_DEPTH - 1));
            for (int i = 0; i < PIPELINE_DEPTH; i++) {
                int at = responses.indexOf("n=" + i);
                assertTrue(at >= 0, "response " + i + " missing");
                assertTrue(i == 0 || at > responses.indexOf("n=" + (i - 1)), "responses out of order");
            }
            // The count is bumped just after the write returns, possibly after the client read it.
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                AtomicLong writes = new AtomicLong();
                server.connections().forEach(c -> writes.addAndGet(c.socketWrites()));
                assertEquals(1, writes.get(), "socket writes for " + PIPELINE_DEPTH + " pipelined responses");
            });
        }
    }

    private static String readUntil(InputStream in, String marker) throws Exception {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (!seen.toString(StandardCharsets.US_ASCII).contains(marker)) {
            int n = in.read(buf);
            if (n < 0) {
                break;
            }
            seen.write(buf, 0, n);
        }
        return seen.toString(StandardCharsets.US_ASCII);
    }
}
