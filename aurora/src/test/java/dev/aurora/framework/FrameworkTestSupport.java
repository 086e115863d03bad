package dev.aurora.framework;

import dev.aurora.server.RawClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * One application per test on 127.0.0.1 and an ephemeral port: register routes on {@link #app},
 * call {@link #start()}, then talk to it with the JDK client ({@link #send}) or raw bytes
 * ({@link #raw()}). Everything is stopped and closed after each test.
 */
abstract class FrameworkTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static HttpClient http;

    protected Aurora app = Aurora.create(config());
    protected int port;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    static ServerConfig config() {
        return ServerConfig.defaults().withHost("127.0.0.1");
    }

    /** Replaces the (not yet started) application with one using {@code config}. */
    protected Aurora app(ServerConfig config) {
        app = Aurora.create(config);
        return app;
    }

    protected Aurora start() {
        app.start(0);
        port = app.port();
        return app;
    }

    protected RawClient raw() {
        RawClient client = new RawClient(port);
        closeables.add(client);
        return client;
    }

    /** One request over a fresh raw connection: {@code method target HTTP/1.1}, Host, extra header lines. */
    protected RawClient.Response rawRequest(String method, String target, String... headerLines) {
        StringBuilder sb = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: localhost\r\n");
        for (String line : headerLines) {
            sb.append(line).append("\r\n");
        }
        RawClient client = raw().send(sb.append("\r\n").toString());
        return "HEAD".equals(method) ? client.readHeadResponse() : client.readResponse();
    }

    protected static synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    protected Reply get(String pathAndQuery, String... headerPairs) {
        return send("GET", pathAndQuery, null, headerPairs);
    }

    /**
     * @param body the request body as UTF-8, or null for none
     * @param headerPairs name, value, name, value, ...
     */
    protected Reply send(String method, String pathAndQuery, String body, String... headerPairs) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.header(headerPairs[i], headerPairs[i + 1]);
        }
        try {
            HttpResponse<byte[]> r = http().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asserts {@code check} within a few seconds: for what a server thread records after the response
     * may already have reached the client.
     */
    static void eventually(org.awaitility.core.ThrowingRunnable check) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(3)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(10)).untilAsserted(check);
    }

    @AfterEach
    void stopApplication() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        closeables.clear();
        app.stop(Duration.ofSeconds(1));
    }

    @AfterAll
    static synchronized void closeHttpClient() {
        if (http != null) {
            http.close();
            http = null;
        }
    }

    /** A response as the JDK client saw it. */
    record Reply(int status, HttpHeaders headers, byte[] body) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        List<String> headerValues(String name) {
            return headers.allValues(name);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + text();
        }
    }
}
