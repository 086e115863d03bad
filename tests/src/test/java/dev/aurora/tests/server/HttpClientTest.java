package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ordinary use through the JDK's {@code java.net.http.HttpClient}, pinned to HTTP/1.1. */
class HttpClientTest extends ServerTestSupport {
    private JdkHttpClient http;

    @BeforeEach
    void startServer() {
        start(app -> {
            app.get("/hello", ctx -> ctx.send("Hello, " + ctx.query("name") + "!"));
            app.post("/echo", ctx -> ctx.header("Content-Type", "application/octet-stream").send(ctx.body()));
            app.get("/json", ctx -> ctx.json(Map.of("id", Integer.parseInt(ctx.query("id")), "ok", true)));
            app.delete("/items", ctx -> ctx.status(204));
        });
        http = new JdkHttpClient();
    }

    @AfterEach
    void closeClient() {
        http.close();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Test
    void get() throws Exception {
        JdkHttpClient.Reply r = http.send("GET", uri("/hello?name=Aurora"), null);
        assertEquals(200, r.status());
        assertEquals("Hello, Aurora!", r.bodyString());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type").orElseThrow());
        assertTrue(r.header("Date").isPresent());
    }

    @Test
    void postEchoesOneMebibyte() throws Exception {
        byte[] data = new byte[1024 * 1024];
        new Random(3).nextBytes(data);
        JdkHttpClient.Reply r = http.send("POST", uri("/echo"), data);
        assertEquals(200, r.status());
        assertArrayEquals(data, r.body());
    }

    @Test
    void json() throws Exception {
        JdkHttpClient.Reply r = http.send("GET", uri("/json?id=7"), null);
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type").orElseThrow());
        JsonNode node = new ObjectMapper().readTree(r.body());
        assertEquals(7, node.get("id").asInt());
        assertTrue(node.get("ok").asBoolean());
    }

    @Test
    void headHasContentLengthButNoBody() throws Exception {
        JdkHttpClient.Reply r = http.send("HEAD", uri("/json?id=7"), null);
        assertEquals(200, r.status());
        assertEquals("18", r.header("Content-Length").orElseThrow()); // {"id":7,"ok":true} in either order
        assertArrayEquals(new byte[0], r.body());
    }

    @Test
    void notFoundAndNoContentKeepTheConnectionUsable() throws Exception {
        assertEquals(404, http.send("GET", uri("/missing"), null).status());
        assertEquals(204, http.send("DELETE", uri("/items"), null).status());
        assertEquals("Hello, x!", http.send("GET", uri("/hello?name=x"), null).bodyString());
    }

    @Test
    void fiftyConcurrentRequestsFromVirtualThreads() throws Exception {
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                String name = "n" + i;
                results.add(threads.submit(() -> {
                    JdkHttpClient.Reply r = http.send("GET", uri("/hello?name=" + name), null);
                    assertEquals(200, r.status());
                    return r.bodyString();
                }));
            }
            for (int i = 0; i < 50; i++) {
                assertEquals("Hello, n" + i + "!", results.get(i).get(10, TimeUnit.SECONDS));
            }
        }
    }

    /** The JDK client pinned to HTTP/1.1, with replies reduced to what the tests compare. */
    static final class JdkHttpClient implements AutoCloseable {
        private static final Duration TIMEOUT = Duration.ofSeconds(10);
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();

        record Reply(int status, Map<String, List<String>> headers, byte[] body) {
            Optional<String> header(String name) {
                return headers.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name))
                        .flatMap(e -> e.getValue().stream())
                        .findFirst();
            }

            String bodyString() {
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        Reply send(String method, URI uri, byte[] body) throws Exception {
            HttpRequest.BodyPublisher publisher = body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, publisher).build();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
