package dev.aurora.tests.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.tests.support.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What an idle keep-alive connection costs the server: live heap with N connections that each
 * made one request and now wait, minus live heap before they opened, divided by N. Then every one
 * of them is served again, so the measure is of connections that still work.
 */
class IdleConnectionMemoryTest {
    /** The goal of issue 15: an idle connection holds at most 6 KiB of heap. */
    private static final long MAX_BYTES_PER_IDLE_CONNECTION = 6 * 1024;
    /** 200 connections times this many requests: enough for the JIT to compile the request path. */
    private static final int WARM_UP_ROUNDS = 100;
    private static final int MEASUREMENTS = 3;

    @Test
    void twoThousandIdleConnectionsHoldLittleHeapAndAreServedAfterwards() throws Exception {
        measure(2_000, "-Xmx256m");
    }

    @Test
    @Tag("stress")
    void oneHundredThousandIdleConnectionsHoldLittleHeapAndAreServedAfterwards() throws Exception {
        measure(100_000, "-Xmx2g");
    }

    private static void measure(int count, String heap) throws Exception {
        assumeOpenFiles(count);
        try (ServerProcess server = ServerProcess.start(List.of(heap, "-XX:+UseSerialGC"), IdleServerMain.class)) {
            // Warm, as a server in production is: the connection loop compiled, so the parked
            // thread's stack holds compiled frames, not the larger interpreted ones.
            try (IdleClients warm = IdleClients.open(server.port(), 200)) {
                for (int round = 0; round < WARM_UP_ROUNDS; round++) {
                    assertEquals(200, warm.roundTrip(Duration.ofSeconds(30)).ok(), "warm-up");
                }
            }
            long before = liveHeap(server.port());
            try (IdleClients clients = IdleClients.open(server.port(), count)) {
                assertEquals(count, clients.opened(), "connections opened");
                Duration timeout = Duration.ofSeconds(Math.max(30, count / 1_000));
                // Steady state, measured up to three times: on a loaded machine the JIT may not yet
                // have compiled what the parked threads' frames belong to after the first round,
                // and interpreted frames are larger. Every round must serve every connection.
                List<Long> measured = new ArrayList<>();
                long best = Long.MAX_VALUE;
                for (int round = 1; round <= MEASUREMENTS && best > MAX_BYTES_PER_IDLE_CONNECTION; round++) {
                    IdleClients.Outcome served = clients.roundTrip(timeout);
                    int r = round;
                    assertEquals(count, served.ok(), () -> "requests of round " + r + ": " + served);
                    long idle = liveHeap(server.port());
                    long perConnection = (idle - before) / count;
                    System.out.printf("%,d idle connections, round %d: %,d bytes of live heap each (%,d -> %,d)%n",
                            count, round, perConnection, before, idle);
                    measured.add(perConnection);
                    best = Math.min(best, perConnection);
                }
                assertTrue(best <= MAX_BYTES_PER_IDLE_CONNECTION,
                        () -> "bytes of heap per idle connection, per round: " + measured + ", goal " + MAX_BYTES_PER_IDLE_CONNECTION);
                IdleClients.Outcome after = clients.roundTrip(timeout);
                assertEquals(count, after.ok(), () -> "requests after the idle period: " + after);
                assertTrue(server.alive(), server::output);
            }
        }
    }

    /** Skips the test, saying why, when this process may not open a socket per connection. */
    static void assumeOpenFiles(int count) throws IOException {
        long fds = openFileLimit();
        assumeTrue(fds > count + 1_000, () -> "needs more than " + (count + 1_000) + " open files, the limit is "
                + fds + ": raise it first (ulimit -n " + (2 * count + 10_000) + ")");
    }

    /** The soft limit on open files of this process (which the server process inherits). */
    private static long openFileLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return Long.MAX_VALUE;
    }

    /** Live heap of the server after two full collections, in bytes (over a connection of its own). */
    private static long liveHeap(int port) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> r = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/heap")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("/heap answered " + r.statusCode() + ": " + r.body());
            }
            return Long.parseLong(r.body());
        }
    }
}
