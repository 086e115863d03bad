package dev.aurora.internal.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.internal.inprocess.Runtimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Many connections opened and closed in every way a client can end one: after a full exchange,
 * after several keep-alive requests, in the middle of a head, in the middle of a body, by going
 * silent until the header timeout, or by sending garbage. Afterwards no connection may be left
 * open, every pooled buffer must be back, and the process's file descriptors must be back to
 * where they were. The default build runs a short version; {@code -Pstress} runs 100,000.
 */
class ConnectionChurnTest {
    private static final byte[] GET = "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void afterTwoThousandConnectionsNothingIsLeft() throws Exception {
        churn(2_000);
    }

    @Test
    @Tag("stress")
    void afterOneHundredThousandConnectionsNothingIsLeft() throws Exception {
        churn(100_000);
    }

    /** What the open descriptors point at (Linux), to name a leak. */
    private static List<String> descriptorTargets() {
        List<String> targets = new ArrayList<>();
        java.nio.file.Path fds = java.nio.file.Path.of("/proc/self/fd");
        if (java.nio.file.Files.isDirectory(fds)) {
            try (var list = java.nio.file.Files.list(fds)) {
                list.forEach(fd -> {
                    try {
                        targets.add(fd.getFileName() + "->" + java.nio.file.Files.readSymbolicLink(fd));
                    } catch (IOException ignored) {
                        // closed meanwhile
                    }
                });
            } catch (IOException ignored) {
                // not available
            }
        }
        return targets;
    }

    /**
     * Open sockets where Linux shows them ({@code /proc/self/fd}), else all descriptors. Sockets,
     * because the JDK opens other descriptors lazily under load (its virtual-thread pollers'
     * epoll instances), which are not ours to give back.
     */
    private static long openSockets() {
        List<String> targets = descriptorTargets();
        return targets.isEmpty() ? openFileDescriptors() : targets.stream().filter(t -> t.contains("->socket:")).count();
    }

    private static long openFileDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getOpenFileDescriptorCount() : -1;
    }

    private static void churn(int connections) throws Exception {
        Assumptions.assumeTrue(openFileDescriptors() >= 0, "needs a Unix file descriptor count");
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1")
                .withHeaderTimeout(Duration.ofMillis(300))
                .withBodyReadTimeout(Duration.ofMillis(300))
                .withKeepAliveTimeout(Duration.ofSeconds(5))
                .withMaxConnections(10_000);
        Aurora app = Aurora.create(config)
                .get("/ok", ctx -> ctx.send("ok"))
                .post("/upload", ctx -> ctx.send(String.valueOf(ctx.body().length)));
        app.start(0);
        ServerRuntime runtime = Runtimes.of(app);
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", app.port());
        try {
            runOne(address, 0); // load the classes that open files (jars) before the baseline
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.openConnections() == 0);
            long baseline = openSockets();

            AtomicInteger answered = new AtomicInteger();
            Semaphore inFlight = new Semaphore(64); // bounded client concurrency
            List<Future<?>> done = new ArrayList<>();
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < connections; i++) {
                    int kind = i;
                    inFlight.acquire();
                    done.add(clients.submit(() -> {
                        try {
                            if (runOne(address, kind)) {
                                answered.incrementAndGet();
                            }
                        } finally {
                            inFlight.release();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> runtime.openConnections() == 0);
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> openSockets() <= baseline);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("open sockets " + openSockets() + " > baseline " + baseline
                        + "; descriptors now: " + descriptorTargets(), e);
            }
            assertEquals(0, runtime.buffers().stats().outstanding(), runtime.buffers().toString());
            assertEquals(0, runtime.workspaces().stats().outstanding(), runtime.workspaces().toString());
            assertTrue(runtime.buffers().stats().hits() > connections, "buffers were reused: " + runtime.buffers());
            assertTrue(answered.get() >= connections / 3, "answered " + answered.get());
            assertEquals(0, runtime.openConnections());
        } finally {
            app.stop();
        }
    }

    /** One connection ended in the way {@code kind} selects; true if a response was read. */
    private static boolean runOne(InetSocketAddress address, int kind) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            switch (kind % 6) {
                case 0 -> { // one request, then the client closes
                    out.write(GET);
                    return readSome(in);
                }
                case 1 -> { // three keep-alive requests pipelined, then close
                    out.write((new String(GET, StandardCharsets.ISO_8859_1).repeat(3)).getBytes(StandardCharsets.ISO_8859_1));
                    return readSome(in);
                }
                case 2 -> { // gone in the middle of a head
                    out.write("GET /ok HTTP/1.1\r\nHo".getBytes(StandardCharsets.ISO_8859_1));
                    return false;
                }
                case 3 -> { // gone in the middle of a body
                    out.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    return false;
                }
                case 4 -> { // garbage: the server answers 400 and closes
                    out.write("\u0000\u0001 nonsense\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return readSome(in);
                }
                default -> { // silent after part of a head: the header timeout closes it (408)
                    if (kind % 60 != 5) {
                        out.write(GET);
                        return readSome(in);
                    }
                    out.write("GET /ok HTTP/1.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    return readSome(in);
                }
            }
        } catch (IOException e) {
            return false; // a reset after the server's answer is one of the ways to end
        }
    }

    private static boolean readSome(InputStream in) throws IOException {
        byte[] buffer = new byte[256];
        return in.read(buffer) > 0;
    }
}
