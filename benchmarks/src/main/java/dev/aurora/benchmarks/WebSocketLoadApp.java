package dev.aurora.benchmarks;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.websocket.Message;
import dev.aurora.websocket.WebSocketOptions;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Two WebSocket figures in one JVM:
 *
 * <ul>
 *   <li>{@code echo [rounds]}: sequential echo round trips per second over loopback, one connection,
 *       a 32-byte text each way, with the JDK's {@link java.net.http.WebSocket} client.</li>
 *   <li>{@code echo-raw [rounds]}: the same with a blocking socket that writes and reads the frames
 *       itself (masked 32-byte text out, 34 bytes back), so the client's own cost is small.</li>
 *   <li>{@code idle [n]}: heap per idle WebSocket: the heap after GC with {@code n} open WebSockets
 *       (each a plain client socket that did the handshake), minus the heap with {@code n} plain
 *       TCP connections to a server socket that only holds them, so the sockets themselves (both
 *       ends live in this JVM) cancel out and what is left is Aurora's share: the connection, its
 *       virtual thread's stack, the workspace and the session.</li>
 * </ul>
 *
 * <p>And {@code serve PORT}: only the server, on {@code 127.0.0.1:PORT}, with {@code GET /plaintext} for
 * a readiness check, until the process is stopped ({@code benchmarks/websocket-load.sh} drives it
 * with {@link WebSocketLoadClient}).
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.aurora.benchmarks.WebSocketLoadApp echo}.
 */
public final class WebSocketLoadApp {
    private WebSocketLoadApp() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "echo";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : (mode.startsWith("echo") ? 50_000 : 2_000);
        boolean serve = "serve".equals(mode);
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxConnections(serve ? 20_000 : n + 100))
                .ws("/echo", WebSocketOptions.defaults().withPingInterval(Duration.ZERO), ws -> {
                    while (ws.receive() instanceof Message.Data m) {
                        switch (m) {
                            case Message.Text t -> ws.send(t.text());
                            case Message.Binary b -> ws.send(b.data());
                        }
                    }
                })
                .get("/plaintext", ctx -> ctx.send("Hello, World!"));
        if (serve) {
            app.start(n);
            System.out.println("aurora websocket echo listening on ws://127.0.0.1:" + app.port() + "/echo");
            return;
        }
        app.start(0);
        try {
            if ("echo".equals(mode)) {
                echo(app.port(), n);
            } else if ("echo-raw".equals(mode)) {
                echoRaw(app.port(), n);
            } else {
                idle(app, n);
            }
        } finally {
            app.stop();
        }
    }

    private static void echo(int port, int rounds) throws Exception {
        String payload = "x".repeat(32);
        CompletableFuture<?>[] reply = new CompletableFuture<?>[1];
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/echo"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        w.request(1);
                        if (last) {
                            reply[0].complete(null);
                        }
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        for (int phase = 0; phase < 2; phase++) {
            int count = phase == 0 ? rounds / 5 : rounds;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                reply[0] = new CompletableFuture<>();
                ws.sendText(payload, true).join();
                reply[0].get(5, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d round trips in %.2f s = %.0f/s (%.1f us each)%n",
                    phase == 0 ? "warm-up" : "measured", count, seconds, count / seconds, seconds * 1e6 / count);
        }
        ws.sendClose(1000, "").join();
    }

    private static void echoRaw(int port, int rounds) throws IOException {
        byte[] frame = new byte[2 + 4 + 32];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | 32);
        for (int i = 0; i < 32; i++) {
            frame[6 + i] = 'x'; // mask key 0: the payload goes as is
        }
        byte[] reply = new byte[34];
        try (Socket s = handshake(port)) {
            s.setTcpNoDelay(true);
            InputStream in = s.getInputStream();
            for (int phase = 0; phase < 2; phase++) {
                int count = phase == 0 ? rounds / 5 : rounds;
                long start = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    s.getOutputStream().write(frame);
                    for (int got = 0; got < reply.length; ) {
                        int k = in.read(reply, got, reply.length - got);
                        if (k < 0) {
                            throw new IOException("closed");
                        }
                        got += k;
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("%s: %d round trips in %.2f s = %.0f/s (%.1f us each)%n",
                        phase == 0 ? "warm-up" : "measured", count, seconds, count / seconds, seconds * 1e6 / count);
            }
        }
    }

    private static void idle(Aurora app, int n) throws Exception {
        long base = heapAfterGc();
        List<Socket> plain = new ArrayList<>();
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, n, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < n; i++) {
                plain.add(new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort()));
                held.add(server.accept());
            }
            long plainHeap = heapAfterGc() - base;
            for (Socket s : plain) {
                s.close();
            }
            for (Socket s : held) {
                s.close();
            }
            plain.clear();
            held.clear();
            base = heapAfterGc();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                sockets.add(handshake(app.port()));
            }
            while (app.stats().activeConnections() < n) {
                Thread.onSpinWait();
            }
            long wsHeap = heapAfterGc() - base;
            System.out.printf("%d connections: plain TCP pairs %.1f KiB each; idle WebSockets %.1f KiB each;"
                    + " Aurora's share %.1f KiB per idle WebSocket%n", n, plainHeap / 1024.0 / n,
                    wsHeap / 1024.0 / n, (wsHeap - plainHeap) / 1024.0 / n);
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static Socket handshake(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.getOutputStream().write(("GET /echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("handshake failed");
            }
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return s;
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
