package dev.aurora.tests.memory;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.tests.support.ServerProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What an idle WebSocket costs the server: live heap with 2,000 open WebSockets that each echoed
 * one message and now wait, minus live heap before they opened, divided by their number; the
 * server in its own JVM, warmed first (as {@link IdleConnectionMemoryTest} does for HTTP). While
 * they wait, none holds a buffer of the server's pool; every one still echoes afterwards; once
 * they close, the connections are gone and no buffer is leased.
 */
class IdleWebSocketMemoryTest {
    /**
     * Measured 4,566 bytes on this project's machine (Temurin 25, 2026-12-04; 37.7 KiB before the
     * upgraded connection gave the HTTP workspace back): the connection, its socket, the virtual
     * thread and its parked stack (about 2.8 KiB of it), the session. The bound leaves room for
     * another JDK's stack frames.
     */
    private static final long MAX_BYTES_PER_IDLE_WEBSOCKET = 8 * 1024;
    private static final int COUNT = 2_000;
    /** The {@code GET /stats} being answered holds its workspace's read and write buffers. */
    private static final int ASKING_REQUEST_BUFFERS = 2;
    private static final byte[] FRAME = maskedText("x".repeat(32));
    private static final byte[] REPLY = unmaskedText("x".repeat(32));

    @Test
    void twoThousandIdleWebSocketsHoldLittleHeapNoPoolBufferAndStillEcho() throws Exception {
        IdleConnectionMemoryTest.assumeOpenFiles(2 * COUNT);
        try (ServerProcess server = ServerProcess.start(List.of("-Xmx256m", "-XX:+UseSerialGC"),
                IdleWebSocketServerMain.class)) {
            int port = server.port();
            warmUp(port);
            long before = get(port, "/heap");
            List<Socket> sockets = new ArrayList<>(COUNT);
            try {
                for (int i = 0; i < COUNT; i++) {
                    Socket s = open(port);
                    sockets.add(s);
                    echo(s);
                }
                long idle = get(port, "/heap");
                long perWebSocket = (idle - before) / COUNT;
                System.out.printf("%,d idle WebSockets: %,d bytes of live heap each (%,d -> %,d)%n",
                        COUNT, perWebSocket, before, idle);
                assertTrue(perWebSocket <= MAX_BYTES_PER_IDLE_WEBSOCKET, () -> perWebSocket
                        + " bytes of heap per idle WebSocket, bound " + MAX_BYTES_PER_IDLE_WEBSOCKET);
                long[] stats = stats(port);
                assertTrue(stats[0] >= COUNT, () -> stats[0] + " connections open");
                assertEquals(0, stats[1], "pool buffers leased while the WebSockets wait");
                for (Socket s : sockets) {
                    echo(s);
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            // Only the connection asking is left, and nothing is leased.
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                long[] stats = stats(port);
                return stats[0] <= 2 && stats[1] == 0;
            });
            assertTrue(server.alive(), server::output);
        }
    }

    /** Compiles the upgrade and echo paths, so parked stacks hold compiled frames as in production. */
    private static void warmUp(int port) throws IOException {
        for (int round = 0; round < 4; round++) {
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                sockets.add(open(port));
            }
            for (int k = 0; k < 20; k++) {
                for (Socket s : sockets) {
                    echo(s);
                }
            }
            for (Socket s : sockets) {
                s.close();
            }
        }
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("GET /echo HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101 ")) {
            throw new IOException("not upgraded: " + head);
        }
        return s;
    }

    private static void echo(Socket s) throws IOException {
        s.getOutputStream().write(FRAME);
        assertArrayEquals(REPLY, s.getInputStream().readNBytes(REPLY.length));
    }

    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }

    private static byte[] unmaskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }

    /** Open connections and pool buffers leased in the server, not counting the request asking. */
    private static long[] stats(int port) throws IOException, InterruptedException {
        String[] parts = text(port, "/stats").split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]) - ASKING_REQUEST_BUFFERS};
    }

    private static long get(int port, String path) throws IOException, InterruptedException {
        return Long.parseLong(text(port, path));
    }

    private static String text(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(path + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }
    }
}
