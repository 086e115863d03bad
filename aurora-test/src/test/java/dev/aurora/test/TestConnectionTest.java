package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Cookie;
import dev.aurora.ServerConfig;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keep-alive connections from {@link AuroraTestClient#connect()}, in-process and over a socket. */
class TestConnectionTest {
    private final AtomicInteger served = new AtomicInteger();
    private Aurora app;
    private AuroraTestClient client;

    private void start(boolean socket, ServerConfig config) {
        app = Aurora.create(config.withHost("127.0.0.1"))
                .get("/n", ctx -> ctx.send(String.valueOf(served.incrementAndGet())))
                .get("/peer", ctx -> ctx.send(String.valueOf(ctx.remoteAddress().getPort())))
                .get("/login", ctx -> ctx.cookie(Cookie.of("sid", "s1")).send("in"))
                .get("/me", ctx -> ctx.send(String.valueOf(ctx.cookie("sid"))))
                .get("/chunked", ctx -> {
                    try (var out = ctx.outputStream()) {
                        out.write("part1-".getBytes());
                        out.flush();
                        out.write("part2".getBytes());
                    }
                })
                .post("/len", ctx -> ctx.send(String.valueOf(ctx.body().length)));
        Function<Aurora, AuroraTestClient> mode = socket ? AuroraTestClient::http : AuroraTestClient::of;
        client = mode.apply(app);
    }

    @AfterEach
    void stop() {
        client.close();
        app.stop();
    }

    @ParameterizedTest(name = "socket={0}")
    @ValueSource(booleans = {false, true})
    void requestsShareOneConnectionWithoutConnectionClose(boolean socket) {
        start(socket, ServerConfig.defaults());
        try (TestConnection connection = client.connect()) {
            String peer = connection.get("/peer").send().assertHeader("Connection", null).bodyString();
            for (int i = 0; i < 5; i++) {
                connection.get("/n").send().assertStatus(200).assertHeader("Connection", null);
            }
            // over a socket the same client port proves it is the same TCP connection
            connection.get("/peer").send().assertBody(peer);
            assertTrue(connection.isOpen());
        }
    }

    @ParameterizedTest(name = "socket={0}")
    @ValueSource(booleans = {false, true})
    void framedBodiesOfEveryKindAreReadOneResponseAtATime(boolean socket) {
        start(socket, ServerConfig.defaults());
        try (TestConnection connection = client.connect()) {
            connection.get("/chunked").send().assertHeader("Transfer-Encoding", "chunked").assertBody("part1-part2");
            connection.head("/n").send().assertStatus(200).assertBody("");
            connection.post("/len").body(new byte[100_000], "application/octet-stream").send().assertBody("100000");
            connection.get("/missing").send().assertStatus(404);
            connection.get("/n").send().assertStatus(200);
            assertEquals(2, served.get(), "HEAD has no body but runs the GET handler");
        }
    }

    @ParameterizedTest(name = "socket={0}")
    @ValueSource(booleans = {false, true})
    void theServersRequestLimitEndsTheConnection(boolean socket) {
        start(socket, ServerConfig.defaults().withMaxRequestsPerConnection(2));
        TestConnection connection = client.connect();

        connection.get("/n").send().assertHeader("Connection", null);
        connection.get("/n").send().assertHeader("Connection", "close");

        assertFalse(connection.isOpen());
        UncheckedIOException closed = assertThrows(UncheckedIOException.class, () -> connection.get("/n").send());
        assertEquals("The server closed the connection", closed.getCause().getMessage());
        assertEquals(2, served.get());
    }

    @ParameterizedTest(name = "socket={0}")
    @ValueSource(booleans = {false, true})
    void aRequestCanAskToCloseTheConnection(boolean socket) {
        start(socket, ServerConfig.defaults());
        try (TestConnection connection = client.connect()) {
            connection.get("/n").header("Connection", "close").send().assertHeader("Connection", "close");
            assertFalse(connection.isOpen());
        }
    }

    @ParameterizedTest(name = "socket={0}")
    @ValueSource(booleans = {false, true})
    void cookiesGoThroughTheClientsJar(boolean socket) {
        start(socket, ServerConfig.defaults());
        try (TestConnection connection = client.connect()) {
            connection.get("/login").send();
            connection.get("/me").send().assertBody("s1");
        }
        assertEquals(Map.of("sid", "s1"), client.cookies());
        client.get("/me").send().assertBody("s1");
    }
}
