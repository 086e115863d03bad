package dev.aurora.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load client of {@code benchmarks/websocket-load.sh}, the same for every server: plain
 * blocking sockets that do the handshake and write and read the frames themselves, so the
 * client's own cost is small and the same whatever the server.
 *
 * <ul>
 *   <li>{@code echo PORT CONNECTIONS SECONDS}: one platform thread per connection, each doing
 *       round trips (a masked 32-byte text frame out, the 34-byte echo back) one after the other
 *       for {@code SECONDS}; prints {@code round-trips/s p50-ms p99-ms max-ms errors} (the
 *       latency of every round trip, sorted).</li>
 *   <li>{@code idle PORT N}: opens {@code N} WebSockets, one echo on each, prints
 *       {@code READY N} and holds them until standard input ends, then closes them.</li>
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.aurora.benchmarks.WebSocketLoadClient echo 8080 64 10}.
 */
public final class WebSocketLoadClient {
    private static final byte[] FRAME = frame();
    private static final int REPLY = 2 + 32;

    private WebSocketLoadClient() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: WebSocketLoadClient echo PORT CONNECTIONS SECONDS | idle PORT N");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        if ("echo".equals(args[0])) {
            echo(port, Integer.parseInt(args[2]), Double.parseDouble(args[3]));
        } else {
            idle(port, Integer.parseInt(args[2]));
        }
    }

    private static void echo(int port, int connections, double seconds) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sockets.add(open(port));
        }
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int c = 0; c < connections; c++) {
            int me = c;
            Socket s = sockets.get(c);
            threads.add(Thread.ofPlatform().name("ws-client-" + c).start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                byte[] reply = new byte[REPLY];
                try {
                    OutputStream out = s.getOutputStream();
                    InputStream in = s.getInputStream();
                    start.await();
                    long end = window[1];
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 - end >= 0) {
                            break;
                        }
                        out.write(FRAME);
                        if (in.readNBytes(reply, 0, REPLY) != REPLY || reply[0] != (byte) 0x81 || reply[1] != 32) {
                            errors.incrementAndGet();
                            break;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, 2 * n);
                        }
                        mine[n++] = System.nanoTime() - t0;
                    }
                } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                }
                latencies[me] = mine;
                counts[me] = n;
            }));
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + (long) (seconds * 1e9);
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        int total = 0;
        for (int n : counts) {
            total += n;
        }
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < connections; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        for (Socket s : sockets) {
            s.close();
        }
        System.out.printf("%.0f %.3f %.3f %.3f %d%n", total / elapsed, percentile(all, 0.50), percentile(all, 0.99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6, errors.get());
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static void idle(int port, int n) throws IOException {
        List<Socket> sockets = new ArrayList<>(n);
        byte[] reply = new byte[REPLY];
        for (int i = 0; i < n; i++) {
            Socket s = open(port);
            sockets.add(s);
            s.getOutputStream().write(FRAME);
            if (s.getInputStream().readNBytes(reply, 0, REPLY) != REPLY) {
                throw new IOException("no echo on connection " + i);
            }
        }
        System.out.println("READY " + n);
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until standard input ends
        }
        for (Socket s : sockets) {
            s.close();
        }
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setTcpNoDelay(true);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("not upgraded: " + head);
        }
        return s;
    }

    /** A masked text frame of 32 bytes with a non-zero key, as a browser would send it. */
    private static byte[] frame() {
        byte[] f = new byte[2 + 4 + 32];
        f[0] = (byte) 0x81;
        f[1] = (byte) (0x80 | 32);
        byte[] key = {0x37, (byte) 0xfa, 0x21, 0x3d};
        System.arraycopy(key, 0, f, 2, 4);
        for (int i = 0; i < 32; i++) {
            f[6 + i] = (byte) ('x' ^ key[i & 3]);
        }
        return f;
    }
}
