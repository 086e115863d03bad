package dev.aurora.tests.deploy;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.aurora.tests.support.Nginx;
import dev.aurora.tests.support.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart behind nginx, as production does it: two instances in separate JVMs behind
 * nginx, POST and GET load through nginx, and each instance in turn stopped with SIGTERM (its
 * shutdown hook calls {@code stop()}) and started again once traffic reaches the other. nginx
 * retries a request on the other instance only when it was not sent (a refused connect), never a
 * POST that was, so any request the stopping instance drops shows up as a 502 at the client. Every
 * request must get a 2xx with the right body.
 *
 * <p>The default build runs one round; {@code -Pdeploy} runs {@code aurora.rollingRounds} (3).
 */
class RollingRestartTest {
    private static final int CLIENTS = 16;

    @Test
    void oneRoundOfRestartsBehindNginxLosesNothing() throws Exception {
        rollingRestart(1);
    }

    @Test
    @Tag("deploy")
    void repeatedRoundsOfRestartsBehindNginxLoseNothing() throws Exception {
        rollingRestart(Integer.getInteger("aurora.rollingRounds", 3));
    }

    private static void rollingRestart(int rounds) throws Exception {
        assumeTrue(Nginx.binary() != null, "nginx is not installed (Debian: apt-get install nginx-light)");
        int[] ports = {Nginx.freePort(), Nginx.freePort()};
        String[] names = {"a", "b"};
        ServerProcess[] instances = new ServerProcess[2];
        Load load = null;
        try {
            for (int i = 0; i < 2; i++) {
                instances[i] = startInstance(ports[i], names[i] + 0);
            }
            try (Nginx nginx = Nginx.start(List.of(ports[0], ports[1]))) {
                load = new Load(nginx.port());
                load.start();
                Load l = load;
                await().atMost(Duration.ofSeconds(20)).until(() -> l.servedBy("a0") > 100 && l.servedBy("b0") > 100);
                List<String> restarts = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (int i = 0; i < 2; i++) {
                        long before = load.completed();
                        int exit = instances[i].stop(Duration.ofSeconds(20));
                        String name = names[i] + round;
                        instances[i] = startInstance(ports[i], name);
                        // In rotation again (nginx waits out fail_timeout) before the other one stops.
                        await().atMost(Duration.ofSeconds(20)).until(() -> l.servedBy(name) > 100);
                        restarts.add(name + " (exit " + exit + ", " + (load.completed() - before) + " requests meanwhile)");
                    }
                }
                load.stop();
                String report = "restarts: " + restarts + "\nserved: " + load.served + "\nfailures: " + load.failures
                        + "\nnginx: " + nginx.log();
                assertTrue(load.failures.isEmpty(), report);
                assertTrue(load.completed() > 1_000, report);
            }
        } finally {
            if (load != null) {
                load.stop();
            }
            for (ServerProcess p : instances) {
                if (p != null) {
                    p.close();
                }
            }
        }
    }

    private static ServerProcess startInstance(int port, String name) throws Exception {
        return ServerProcess.start(List.of("-Xmx256m", "-XX:+UseSerialGC"), InstanceMain.class,
                Integer.toString(port), name, "0");
    }

    /** Clients looping POST /echo and GET /plaintext through nginx, counting who served what. */
    private static final class Load {
        final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final URI base;
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        Load(int port) {
            this.base = URI.create("http://127.0.0.1:" + port);
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                boolean post = i % 2 == 0;
                threads.add(Thread.ofVirtual().name("load-" + i).start(() -> loop(post)));
            }
        }

        private void loop(boolean post) {
            byte[] body = new byte[512];
            while (running) {
                ThreadLocalRandom.current().nextBytes(body);
                HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(post ? "/echo" : "/plaintext"))
                        .timeout(Duration.ofSeconds(15));
                HttpRequest request = post ? b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build() : b.GET().build();
                try {
                    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    boolean ok = r.statusCode() / 100 == 2
                            && (post ? Arrays.equals(body, r.body()) : "Hello, World!".equals(new String(r.body())));
                    if (!ok) {
                        failures.add(request.method() + " " + r.statusCode() + " (" + r.body().length + " bytes)");
                        continue;
                    }
                    String instance = r.headers().firstValue("X-Instance").orElse("?");
                    served.computeIfAbsent(instance, k -> new AtomicLong()).incrementAndGet();
                } catch (Exception e) {
                    if (running) {
                        failures.add(request.method() + " " + e);
                    }
                }
            }
        }

        long servedBy(String instance) {
            AtomicLong n = served.get(instance);
            return n == null ? 0 : n.get();
        }

        long completed() {
            return served.values().stream().mapToLong(AtomicLong::get).sum();
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(20));
            }
            http.close();
        }
    }
}
