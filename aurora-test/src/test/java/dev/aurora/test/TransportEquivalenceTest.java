package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.aurora.Aurora;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code of(app)} and {@code http(app)} give the same status, headers (except Date) and body. */
class TransportEquivalenceTest {
    private final Aurora app = TestApps.create();

    @AfterEach
    void stop() {
        app.stop();
    }

    private static final List<Function<AuroraTestClient, TestResponse>> REQUESTS = List.of(
            c -> c.get("/hello/world").send(),
            c -> c.get("/json").send(),
            c -> c.post("/echo").json(Map.of("a", 1)).query("a", "x y").header("X-Test", "t").send(),
            c -> c.get("/missing").send(),
            c -> c.delete("/json").send(),
            c -> c.head("/hello/head").send(),
            c -> c.head("/json").send(),
            c -> c.post("/upload").body("x".repeat(65), "text/plain").send(),
            c -> c.post("/upload").body("x".repeat(64), "text/plain").send(),
            c -> c.get("/login").send(),
            c -> c.options("/echo").send(),
            c -> c.raw("GET /hello/x HTTP/1.1\nHost: x\r\n\r\n").responses().get(0),
            c -> c.raw("GET /hello/a HTTP/1.1\r\nHost: x\r\n\r\nHEAD /hello/b HTTP/1.1\r\nHost: x\r\n\r\n").responses().get(1));

    private static final int[] EXPECTED_STATUS = {200, 200, 200, 404, 405, 200, 200, 413, 200, 200, 200, 400, 200};

    @Test
    void sameAnswersInProcessAndOverSocket() {
        List<TestResponse> inProcess = answers(AuroraTestClient::of);
        List<TestResponse> overSocket = answers(AuroraTestClient::http);
        assertEquals(REQUESTS.size(), EXPECTED_STATUS.length);
        for (int i = 0; i < REQUESTS.size(); i++) {
            TestResponse a = inProcess.get(i);
            TestResponse b = overSocket.get(i);
            a.assertStatus(EXPECTED_STATUS[i]);
            assertEquals(a.status(), b.status(), "request " + i + "\n" + a + "\n---\n" + b);
            assertEquals(withoutDate(a), withoutDate(b), "request " + i);
            assertArrayEquals(a.body(), b.body(), "request " + i + "\n" + a + "\n---\n" + b);
        }
    }

    @Test
    void httpClientStartsAndStopsOnlyWhatItStarted() {
        assertThrows(IllegalStateException.class, app::port);
        try (AuroraTestClient client = AuroraTestClient.http(app)) {
            int port = app.port();
            client.get("/hello/a").send().assertBody("Hello, a");
            try (AuroraTestClient second = AuroraTestClient.http(app)) {
                second.get("/hello/b").send().assertBody("Hello, b");
            }
            assertEquals(port, app.port(), "the second client did not stop the running app");
        }
        assertThrows(IllegalStateException.class, app::port, "the first client stopped what it started");
    }

    private List<TestResponse> answers(Function<Aurora, AuroraTestClient> clients) {
        try (AuroraTestClient client = clients.apply(app)) {
            return REQUESTS.stream().map(r -> r.apply(client)).toList();
        }
    }

    private static String withoutDate(TestResponse r) {
        return r.headerFields().stream()
                .filter(h -> !h.getKey().equalsIgnoreCase("Date"))
                .map(h -> h.getKey() + ": " + h.getValue())
                .collect(Collectors.joining("\n"));
    }
}
