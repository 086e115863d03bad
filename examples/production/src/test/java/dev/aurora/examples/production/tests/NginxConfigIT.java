package dev.aurora.examples.production.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/nginx.conf as shipped, with this run's ports put in: {@code nginx -t} accepts it, and run
 * in front of the packaged service, with the second upstream down, it passes every request to the
 * live one (the refused connect is retried: {@code max_fails}, {@code proxy_next_upstream}), hands
 * the service a request id, and keeps {@code /metrics} to itself.
 */
class NginxConfigIT {
    static final Path CONF = PackagedApp.MODULE.resolve("deploy/nginx.conf");
    private static final List<Path> CANDIDATES = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx"),
            Path.of("/usr/local/sbin/nginx"), Path.of("/usr/local/nginx/sbin/nginx"));

    @TempDir
    Path prefix;

    /** {@return the nginx binary, or null} */
    static Path nginx() {
        return CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);
    }

    @Test
    void theUpstreamFollowsTheReliabilityAdvice() throws IOException {
        String conf = Files.readString(CONF);
        assertEquals(2, Pattern.compile("(?m)^\\s*server 127\\.0\\.0\\.1:\\d+ max_fails=1 fail_timeout=1s;").matcher(conf).results().count(), conf);
        for (String directive : List.of("keepalive 32;", "proxy_http_version 1.1;", "proxy_set_header Connection \"\";",
                "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;", "proxy_set_header X-Forwarded-Proto $scheme;",
                "proxy_next_upstream error timeout;")) {
            assertTrue(conf.contains(directive), directive);
        }
    }

    @Test
    void nginxAcceptsItAndProxiesToTheLiveInstance() throws Exception {
        Path binary = nginx();
        assumeTrue(binary != null, "nginx is not installed (Debian: apt-get install nginx-light)");
        int listen = freePort();
        int down = freePort();   // nothing listens there: the second instance is "stopped"
        try (PackagedApp service = PackagedApp.jar(Map.of("AURORA_SERVER_DRAIN_DELAY", "0s"));
                HttpClient http = HttpClient.newHttpClient()) {
            int up = URI.create(service.awaitListening()).getPort();
            Path main = writeConf(listen, up, down);
            Process check = new ProcessBuilder(binary.toString(), "-t", "-p", prefix.toString(), "-c", main.toString())
                    .redirectErrorStream(true).start();
            String checkOutput = new String(check.getInputStream().readAllBytes());
            assertEquals(0, check.waitFor(), checkOutput);
            assertTrue(checkOutput.contains("test is successful"), checkOutput);

            Process nginx = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", main.toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
            try {
                URI base = URI.create("http://127.0.0.1:" + listen);
                Awaitility.await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .until(() -> get(http, base, "/health/ready", Map.of()).statusCode() == 200);
                for (int i = 0; i < 20; i++) {
                    assertEquals(200, get(http, base, "/notes", Map.of()).statusCode(), "request " + i);
                }
                String generated = get(http, base, "/notes", Map.of()).headers().firstValue("X-Request-Id").orElseThrow();
                assertTrue(generated.matches("[0-9a-f]{32}"), "nginx's $request_id, passed to Aurora: " + generated);
                assertEquals("client-7", get(http, base, "/notes", Map.of("X-Request-Id", "client-7"))
                        .headers().firstValue("X-Request-Id").orElseThrow());
                assertEquals(404, get(http, base, "/metrics", Map.of()).statusCode());
            } finally {
                nginx.toHandle().destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The shipped file with these ports, included from a main file that keeps everything in the prefix. */
    private Path writeConf(int listen, int first, int second) throws IOException {
        String site = Files.readString(CONF)
                .replace("127.0.0.1:8081", "127.0.0.1:" + first)
                .replace("127.0.0.1:8082", "127.0.0.1:" + second)
                .replace("listen 80;", "listen 127.0.0.1:" + listen + ";");
        Path sitePath = Files.writeString(prefix.resolve("aurora-production.conf"), site);
        // As root, workers would run as nobody, who cannot enter the private prefix directory.
        String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
        return Files.writeString(prefix.resolve("nginx.conf"), user + """
                worker_processes 1;
                daemon off;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/client_body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  include %2$s;
                }
                """.formatted(prefix, sitePath));
    }

    private static HttpResponse<String> get(HttpClient http, URI base, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
