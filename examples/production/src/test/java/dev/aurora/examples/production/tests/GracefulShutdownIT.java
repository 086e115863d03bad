package dev.aurora.examples.production.tests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM while requests are in flight: the packaged service's shutdown hook stops it gracefully.
 * Twenty requests are half sent when the signal arrives; readiness turns 503 during the drain, the
 * listener then closes (new connections are refused, which a balancer retries elsewhere), and the
 * twenty, finished afterwards, are all answered {@code 201} with {@code Connection: close}. The JVM
 * exits with 143, the code of a process ended by SIGTERM.
 */
class GracefulShutdownIT {
    private static final int IN_FLIGHT = 20;

    @Test
    void requestsInFlightAtSigtermAreAllAnsweredAndTheExitIs143() throws Exception {
        // bodyRateGrace: the half-sent bodies wait out the drain, however slow this machine is.
        Map<String, String> env = Map.of("AURORA_SERVER_DRAIN_DELAY", "1s", "AURORA_SERVER_BODY_RATE_GRACE", "60s");
        try (PackagedApp service = PackagedApp.jar(env)) {
            URI base = URI.create(service.awaitListening());
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", base.getPort());
            byte[] body = "{\"text\":\"sent across a SIGTERM\"}".getBytes(StandardCharsets.US_ASCII);
            int half = body.length / 2;
            List<Socket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < IN_FLIGHT; i++) {
                    Socket s = new Socket();
                    s.connect(address, 5_000);
                    s.setSoTimeout(30_000);
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /notes HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, 0, half);
                    out.flush();
                    sockets.add(s);
                }
                // Every request is being served (its body being read) before the signal.
                await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests(address) >= IN_FLIGHT);

                service.terminate();
                await().atMost(Duration.ofSeconds(30)).until(() -> status(address, "/health/ready") == 503);
                await().atMost(Duration.ofSeconds(30)).until(() -> refused(address));

                for (Socket s : sockets) {
                    s.getOutputStream().write(body, half, body.length - half);
                    s.getOutputStream().flush();
                }
                for (Socket s : sockets) {
                    String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(response.startsWith("HTTP/1.1 201 "), response);
                    assertTrue(response.contains("\r\nConnection: close\r\n"), response);
                    assertTrue(response.contains("\"text\":\"sent across a SIGTERM\""), response);
                }
            } finally {
                for (Socket s : sockets) {
                    s.close();
                }
            }
            assertEquals(143, service.awaitExit(), service.toString());
        }
    }

    /** The status of a GET on a new connection, or -1 if none could be made. */
    private static int status(InetSocketAddress address, String path) {
        String response = get(address, path);
        return response == null ? -1 : Integer.parseInt(response.substring(9, 12));
    }

    /** {@code aurora_requests_active} from a scrape, or -1. */
    private static long activeRequests(InetSocketAddress address) {
        String response = get(address, "/metrics");
        return response == null ? -1 : response.lines().filter(l -> l.startsWith("aurora_requests_active "))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.indexOf(' ') + 1))).findFirst().orElse(-1);
    }

    /** The whole response to a GET on a new connection, or null if none could be had. */
    private static String get(InetSocketAddress address, String path) {
        try (Socket s = new Socket()) {
            s.connect(address, 2_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean refused(InetSocketAddress address) {
        try (Socket s = new Socket()) {
            s.connect(address, 2_000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
