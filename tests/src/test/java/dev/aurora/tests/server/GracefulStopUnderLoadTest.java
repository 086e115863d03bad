package dev.aurora.tests.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Graceful stop under keep-alive load, over real sockets: 48 clients loop on keep-alive connections
 * (half GET, half POST with a body), and the server is stopped while they run, in repeated rounds.
 * Every request whose bytes were fully written before {@code stop()} began must get a complete
 * response, and no response may be cut mid-body. After the stop, a client that reconnects must be
 * refused (connect fails), never reset after it sent a request.
 */
class GracefulStopUnderLoadTest {
    private static final int CLIENTS = 48;
    private static final int ROUNDS = Integer.getInteger("aurora.stopRounds", 20);
    private static final byte[] BODY = "x".repeat(700).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET = "GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] POST = ("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: "
            + BODY.length + "\r\n\r\n" + new String(BODY, StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);

    /** A request that got no complete response: when its bytes were written and what the client saw. */
    record Failure(long sentNanos, String what) {
    }

    @Test
    void everyRequestSentBeforeStopIsAnsweredInFull() throws Exception {
        List<String> report = new ArrayList<>();
        long servedAfterStop = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Round r = new Round();
            r.run();
            servedAfterStop += r.servedAfterStop.get();
            List<Failure> beforeStop = r.failures.stream().filter(f -> f.sentNanos() - r.stopBegan < 0).toList();
            List<Failure> cut = r.failures.stream().filter(f -> f.what().startsWith("cut")).toList();
            // Sent after stop began: on a connection still open (it is answered with Connection: close),
            // or on one the listen backlog held (it is served before the listener closes).
            if (!r.failures.isEmpty()) {
                report.add("round " + round + ": " + beforeStop.size() + " sent before stop lost, " + cut.size()
                        + " cut mid-body, " + (r.failures.size() - beforeStop.size()) + " sent after it lost: " + r.failures.stream().map(f -> String.format(Locale.ROOT, "%s (sent %+.3f ms)",
                                f.what(), (f.sentNanos() - r.stopBegan) / 1e6)).toList());
            }
        }
        assertTrue(report.isEmpty(), String.join("\n", report));
        // The drain is what this test is about: requests already on their way when stop began were served.
        assertTrue(servedAfterStop > 0, "no request was served after stop() began in " + ROUNDS + " rounds");
    }

    /** One server, 48 clients, one stop while they run. */
    private static final class Round {
        final ConcurrentLinkedQueue<Failure> failures = new ConcurrentLinkedQueue<>();
        final AtomicLong served = new AtomicLong();
        final AtomicInteger servedAfterStop = new AtomicInteger();
        volatile long stopBegan = Long.MAX_VALUE;
        volatile boolean stopping;

        void run() throws Exception {
            Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"));
            app.get("/plaintext", ctx -> ctx.send("Hello, World!"));
            app.post("/echo", ctx -> ctx.send(ctx.body()));
            app.start(0);
            int port = app.port();
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                byte[] request = i % 2 == 0 ? GET : POST;
                int expectedLength = i % 2 == 0 ? 13 : BODY.length;
                clients.add(Thread.ofPlatform().name("stop-client-" + i).start(() -> loop(port, request, expectedLength)));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> served.get() >= 2_000);
            // Stop at a random point of the clients' loops: after a random number of further responses.
            long target = served.get() + ThreadLocalRandom.current().nextInt(1, 200);
            await().atMost(Duration.ofSeconds(30)).until(() -> served.get() >= target);
            stopBegan = System.nanoTime();
            stopping = true;
            app.stop(Duration.ofSeconds(10));
            for (Thread t : clients) {
                t.join(Duration.ofSeconds(30));
                assertTrue(!t.isAlive(), t.getName() + " still running 30 s after stop()");
            }
            assertEquals(0L, app.stats().activeConnections(), "connections left open after stop()");
        }

        /** Requests on keep-alive connections until the server refuses a new connection. */
        private void loop(int port, byte[] request, int expectedLength) {
            while (true) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    socket.setSoTimeout(15_000);
                    socket.setTcpNoDelay(true);
                } catch (ConnectException e) {
                    close(socket);
                    if (!stopping) {
                        failures.add(new Failure(System.nanoTime(), "connect refused before stop: " + e));
                    }
                    return;
                } catch (IOException e) {
                    close(socket);
                    failures.add(new Failure(System.nanoTime(), "connect failed: " + e));
                    return;
                }
                try (socket) {
                    if (!serveOn(socket, request, expectedLength)) {
                        return;
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        /** Sends requests on one connection; false when the client should give up (a failure). */
        private boolean serveOn(Socket socket, byte[] request, int expectedLength) throws IOException {
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            while (true) {
                long sent;
                try {
                    out.write(request);
                    out.flush();
                    sent = System.nanoTime();
                } catch (IOException e) {
                    // The request did not fully leave: it cannot count as lost, and the connection is gone.
                    return true;
                }
                Response response;
                try {
                    response = Response.read(in);
                } catch (IOException e) {
                    failures.add(new Failure(sent, e.getMessage() == null ? e.toString() : e.getMessage()));
                    return false;
                }
                if (response.status != 200 || response.body.length != expectedLength) {
                    failures.add(new Failure(sent, "status " + response.status + " with " + response.body.length + " bytes"));
                    return false;
                }
                served.incrementAndGet();
                if (sent - stopBegan > 0 || stopping) {
                    servedAfterStop.incrementAndGet();
                }
                if (response.close) {
                    return true;
                }
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    /** A response read by its Content-Length; "cut" when the head arrived and the body did not. */
    private record Response(int status, boolean close, byte[] body) {
        static Response read(InputStream in) throws IOException {
            String statusLine = line(in, true);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean close = false;
            String header;
            while (!(header = line(in, false)).isEmpty()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                throw new IOException("cut: response without Content-Length");
            }
            byte[] body = in.readNBytes(length);
            if (body.length != length) {
                throw new IOException("cut mid-body: " + body.length + " of " + length + " bytes");
            }
            return new Response(status, close, body);
        }

        private static String line(InputStream in, boolean first) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    if (first && sb.isEmpty()) {
                        throw new EOFException("closed before any response byte");
                    }
                    throw new IOException("cut in the head");
                }
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            return sb.toString();
        }
    }
}
