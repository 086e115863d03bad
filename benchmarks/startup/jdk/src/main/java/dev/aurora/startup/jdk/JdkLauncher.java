package dev.aurora.startup.jdk;

import com.sun.net.httpserver.HttpServer;
import dev.aurora.startup.FirstRequest;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The baseline: the JDK's own HTTP server on virtual threads, one context. */
public final class JdkLauncher {
    private JdkLauncher() {
    }

    /**
     * @param args unused
     * @throws Exception if the server cannot start or the request fails
     */
    public static void main(String[] args) throws Exception {
        FirstRequest.mark("main");
        byte[] hello = "Hello".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/hello", exchange -> {
            exchange.sendResponseHeaders(200, hello.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(hello);
            }
        });
        FirstRequest.mark("created");
        server.start();
        FirstRequest.mark("started");
        FirstRequest.get(server.getAddress().getPort(), "/hello");
        server.stop(0);
        executor.close();
        FirstRequest.mainReturns();
    }
}
