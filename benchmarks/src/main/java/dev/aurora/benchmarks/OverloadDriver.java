package dev.aurora.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load of {@code benchmarks/overload.sh}: closed-loop keep-alive clients on virtual threads,
 * each sending {@code GET PATH} again as soon as its answer arrived, with the latency of every
 * answer recorded by status, so the latency of the admitted requests ({@code 200}) is reported
 * apart from the fast refusals ({@code 503}). wrk cannot do that: its histogram mixes all
 * statuses. A refused client waits as its {@code 503}'s {@code Retry-After} says (seconds)
 * before it sends again, as a well-behaved client does; one that retried at once would measure
 * how fast the server refuses, not how the admitted requests fare.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.aurora.benchmarks.OverloadDriver
 * PORT CONNECTIONS SECONDS [PATH]}. Prints one line: {@code RESULT ok=... p50_ms=... p99_ms=...
 * max_ms=... refused=... errors=... ok_per_s=...}.
 */
public final class OverloadDriver {
    private OverloadDriver() {
    }

    /** One client's record: latencies in nanoseconds of its 200s, and counts of the rest. */
    private static final class Client {
        long[] ok = new long[1024];
        int okCount;
        long refused;
        long errors;

        void ok(long nanos) {
            if (okCount == ok.length) {
                ok = Arrays.copyOf(ok, ok.length * 2);
            }
            ok[okCount++] = nanos;
        }
    }

    /**
     * @param args port, connections, seconds, and optionally the path (default {@code /work})
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        String path = args.length > 3 ? args[3] : "/work";
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Client> clients = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Client c = new Client();
            clients.add(c);
            threads.add(Thread.ofVirtual().start(() -> loop(port, request, running, c)));
        }
        Thread.sleep(seconds * 1_000);
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
        long refused = 0;
        long errors = 0;
        int total = 0;
        for (Client c : clients) {
            refused += c.refused;
            errors += c.errors;
            total += c.okCount;
        }
        long[] all = new long[total];
        int at = 0;
        for (Client c : clients) {
            System.arraycopy(c.ok, 0, all, at, c.okCount);
            at += c.okCount;
        }
        Arrays.sort(all);
        System.out.printf("RESULT ok=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f refused=%d errors=%d ok_per_s=%.0f%n",
                total, millis(all, 0.50), millis(all, 0.99), total == 0 ? 0 : all[total - 1] / 1e6,
                refused, errors, total / (double) seconds);
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static void loop(int port, byte[] request, AtomicBoolean running, Client c) {
        while (running.get()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                s.setTcpNoDelay(true);
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                InputStream in = new BufferedInputStream(s.getInputStream(), 4096);
                while (running.get()) {
                    long start = System.nanoTime();
                    out.write(request);
                    long[] retryAfter = {0};
                    int status = readResponse(in, retryAfter);
                    long took = System.nanoTime() - start;
                    if (status == 200) {
                        c.ok(took);
                    } else if (status == 503) {
                        c.refused++;
                        sleepWhileRunning(retryAfter[0] * 1_000, running);
                    } else {
                        c.errors++;
                        break;
                    }
                }
            } catch (IOException e) {
                c.errors++;
            }
        }
    }

    private static void sleepWhileRunning(long millis, AtomicBoolean running) {
        long end = System.currentTimeMillis() + millis;
        try {
            while (running.get() && System.currentTimeMillis() < end) {
                Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Reads one response (Content-Length framed) and returns its status, or -1 at a close;
     * {@code retryAfter[0]} gets its {@code Retry-After} seconds, if any.
     */
    private static int readResponse(InputStream in, long[] retryAfter) throws IOException {
        StringBuilder line = new StringBuilder();
        int status = -1;
        long length = 0;
        boolean first = true;
        while (true) {
            line.setLength(0);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    return -1;
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            if (line.isEmpty()) {
                break;
            }
            String l = line.toString();
            if (first) {
                status = Integer.parseInt(l.substring(9, 12));
                first = false;
            } else if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Long.parseLong(l.substring(15).trim());
            } else if (l.regionMatches(true, 0, "retry-after:", 0, 12)) {
                retryAfter[0] = Long.parseLong(l.substring(12).trim());
            }
        }
        for (long i = 0; i < length; i++) {
            if (in.read() < 0) {
                return -1;
            }
        }
        return status;
    }
}
