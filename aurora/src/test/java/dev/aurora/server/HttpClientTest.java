package dev.aurora.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
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

    /**
     * A thin reflective front for {@code java.net.http.HttpClient}. The test sources are compiled as
     * a patch of module {@code dev.aurora}, which does not read {@code java.net.http}, so the API
     * cannot be named at compile time; at run time the tests are on the class path, where it is
     * available. Once the aurora pom compiles tests with
     * {@code --add-modules java.net.http --add-reads dev.aurora=java.net.http}, this can be replaced
     * by direct calls.
     */
    static final class JdkHttpClient implements AutoCloseable {
        private static final Duration TIMEOUT = Duration.ofSeconds(10);
        private final Object client;

        record Reply(int status, Map<String, List<String>> headers, byte[] body) {
            Optional<String> header(String name) {
                return headers.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                        .map(e -> e.getValue().get(0))
                        .findFirst();
            }

            String bodyString() {
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        JdkHttpClient() {
            try {
                Class<?> clientType = type("java.net.http.HttpClient");
                Class<?> builderType = type("java.net.http.HttpClient$Builder");
                Class<?> versionType = type("java.net.http.HttpClient$Version");
                Object builder = clientType.getMethod("newBuilder").invoke(null);
                builderType.getMethod("version", versionType).invoke(builder, enumConstant(versionType, "HTTP_1_1"));
                builderType.getMethod("connectTimeout", Duration.class).invoke(builder, Duration.ofSeconds(2));
                client = builderType.getMethod("build").invoke(builder);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @SuppressWarnings("unchecked")
        Reply send(String method, URI uri, byte[] body) throws Exception {
            Class<?> requestType = type("java.net.http.HttpRequest");
            Class<?> requestBuilderType = type("java.net.http.HttpRequest$Builder");
            Class<?> publisherType = type("java.net.http.HttpRequest$BodyPublisher");
            Class<?> publishersType = type("java.net.http.HttpRequest$BodyPublishers");
            Class<?> handlerType = type("java.net.http.HttpResponse$BodyHandler");
            Class<?> handlersType = type("java.net.http.HttpResponse$BodyHandlers");
            Class<?> responseType = type("java.net.http.HttpResponse");
            Class<?> headersType = type("java.net.http.HttpHeaders");

            Object builder = requestType.getMethod("newBuilder", URI.class).invoke(null, uri);
            requestBuilderType.getMethod("timeout", Duration.class).invoke(builder, TIMEOUT);
            Object publisher = body == null
                    ? publishersType.getMethod("noBody").invoke(null)
                    : publishersType.getMethod("ofByteArray", byte[].class).invoke(null, (Object) body);
            requestBuilderType.getMethod("method", String.class, publisherType).invoke(builder, method, publisher);
            Object request = requestBuilderType.getMethod("build").invoke(builder);
            Object handler = handlersType.getMethod("ofByteArray").invoke(null);
            Object response;
            try {
                response = type("java.net.http.HttpClient").getMethod("send", requestType, handlerType)
                        .invoke(client, request, handler);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
            int status = (int) responseType.getMethod("statusCode").invoke(response);
            Object headers = responseType.getMethod("headers").invoke(response);
            Map<String, List<String>> map = (Map<String, List<String>>) headersType.getMethod("map").invoke(headers);
            byte[] bytes = (byte[]) responseType.getMethod("body").invoke(response);
            return new Reply(status, map, bytes);
        }

        @Override
        public void close() {
            try {
                Method close = type("java.net.http.HttpClient").getMethod("close");
                close.invoke(client);
            } catch (ReflectiveOperationException e) {
                // close() exists from JDK 21 on; nothing else to release
            }
        }

        private static Class<?> type(String name) throws ClassNotFoundException {
            return Class.forName(name);
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static Object enumConstant(Class<?> type, String name) {
            return Enum.valueOf((Class) type, name);
        }
    }
}
