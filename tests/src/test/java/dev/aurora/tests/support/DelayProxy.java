package dev.aurora.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on loopback that delays every byte by a fixed one-way time in each direction, for
 * clients "far away" where {@code tc netem} is not available (this machine's kernel has no netem
 * qdisc). A connection to the proxy is opened upstream one delay later; data, the end of a stream
 * (FIN) and a reset each travel with the delay and in order, so a server's answer-then-close
 * reaches the client as it would over a slow link.
 *
 * <p>Four virtual threads per connection; each direction holds at most 256 chunks in flight.
 */
public final class DelayProxy implements AutoCloseable {
    private static final int CHUNK = 8192;

    private final ServerSocket listener;
    private final int upstreamPort;
    private final long delayNanos;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private DelayProxy(int upstreamPort, Duration oneWay) throws IOException {
        this.listener = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        this.upstreamPort = upstreamPort;
        this.delayNanos = oneWay.toNanos();
        Thread.ofPlatform().daemon().name("delay-proxy").start(this::acceptLoop);
    }

    /** A proxy to {@code 127.0.0.1:upstreamPort} adding {@code oneWay} each way (round trip twice that). */
    public static DelayProxy start(int upstreamPort, Duration oneWay) {
        try {
            return new DelayProxy(upstreamPort, oneWay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                sockets.add(client);
                Thread.ofVirtual().start(() -> bridge(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bridge(Socket client) {
        try {
            // The connection attempt travels one way before the server sees it.
            Thread.sleep(Duration.ofNanos(delayNanos));
            Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
            sockets.add(upstream);
            pipe(client, upstream);
            pipe(upstream, client);
        } catch (IOException | InterruptedException e) {
            closeQuietly(client, true);
        }
    }

    private record Segment(long dueNanos, byte[] bytes, boolean fin, boolean reset) {
    }

    /** Carries what {@code from} receives to {@code to}, each segment once its delay has passed. */
    private void pipe(Socket from, Socket to) {
        BlockingQueue<Segment> line = new ArrayBlockingQueue<>(256);
        Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[CHUNK];
            try (InputStream in = from.getInputStream()) {
                while (true) {
                    int n = in.read(buf);
                    if (n < 0) {
                        line.put(new Segment(System.nanoTime() + delayNanos, null, true, false));
                        return;
                    }
                    line.put(new Segment(System.nanoTime() + delayNanos, Arrays.copyOf(buf, n), false, false));
                }
            } catch (IOException e) {
                putQuietly(line, new Segment(System.nanoTime() + delayNanos, null, false, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Segment s = line.take();
                    long wait = s.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (s.reset()) {
                        closeQuietly(to, true);
                        return;
                    }
                    if (s.fin()) {
                        to.shutdownOutput();
                        return;
                    }
                    out.write(s.bytes());
                }
            } catch (IOException | InterruptedException e) {
                closeQuietly(to, true);
            }
        });
    }

    private static void putQuietly(BlockingQueue<Segment> line, Segment s) {
        try {
            line.put(s);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s, boolean reset) {
        try {
            if (reset && !s.isClosed()) {
                s.setSoLinger(true, 0);
            }
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        sockets.forEach(s -> closeQuietly(s, false));
    }
}
