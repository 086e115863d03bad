package dev.aurora.tests.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTest;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.BothTransports;
import dev.aurora.test.RawResult;
import dev.aurora.test.TestApp;
import dev.aurora.test.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response without content has no {@code Content-Type}: Aurora adds its default type only for a
 * body that is there, and never sends one on a {@code 204} or {@code 304}. A {@code HEAD} response
 * still has the type its {@code GET} would have had.
 */
@AuroraTest
class NoContentTypeWithoutContentTest {

    @TestApp
    static Aurora app() {
        return Aurora.create()
                .get("/no-content", ctx -> ctx.status(204).send(""))
                .get("/no-content-typed", ctx -> ctx.status(204).contentType("text/plain").send(""))
                .get("/not-modified", ctx -> ctx.status(304).header("ETag", "\"a\"").send(new byte[0]))
                .get("/not-modified-typed", ctx -> ctx.status(304).contentType("application/json").send(""))
                .get("/empty-text", ctx -> ctx.send(""))
                .get("/empty-bytes", ctx -> ctx.status(403).send(new byte[0]))
                .get("/nothing", ctx -> ctx.status(202))
                .get("/reset", ctx -> ctx.status(205).send("dropped"))
                .get("/redirect", ctx -> ctx.redirect("/elsewhere"))
                .get("/text", ctx -> ctx.send("hello"))
                .get("/bytes", ctx -> ctx.send(new byte[] {1, 2, 3}))
                .get("/json", ctx -> ctx.json(Map.of("a", 1)))
                .get("/typed-empty", ctx -> ctx.contentType("text/csv").send(""));
    }

    @BothTransports
    void responsesWithoutContentHaveNoType(AuroraTestClient client) {
        Map<String, Integer> statuses = Map.of("/no-content", 204, "/no-content-typed", 204, "/not-modified", 304,
                "/not-modified-typed", 304, "/empty-text", 200, "/empty-bytes", 403, "/nothing", 202, "/reset", 205,
                "/redirect", 302);
        for (var path : statuses.entrySet()) {
            TestResponse r = client.get(path.getKey()).send().assertStatus(path.getValue()).assertBody("");
            r.assertHeader("Content-Type", null);
        }
    }

    @BothTransports
    void responsesWithContentKeepTheirType(AuroraTestClient client) {
        client.get("/text").send().assertHeader("Content-Type", "text/plain; charset=utf-8");
        client.get("/bytes").send().assertHeader("Content-Type", "application/octet-stream");
        client.get("/json").send().assertHeader("Content-Type", "application/json");
        // A type the handler chose for an empty 200 is its own business.
        client.get("/typed-empty").send().assertHeader("Content-Type", "text/csv");
    }

    @BothTransports
    void headKeepsTheTypeItsGetWouldHave(AuroraTestClient client) {
        for (String path : List.of("/text", "/bytes", "/json", "/empty-text", "/no-content")) {
            TestResponse get = client.get(path).send();
            TestResponse head = client.request("HEAD", path).send().assertBody("");
            assertEquals(get.header("Content-Type"), head.header("Content-Type"), head::describe);
            assertEquals(get.header("Content-Length"), head.header("Content-Length"), head::describe);
        }
    }

    @BothTransports
    void onTheWireA304HasNoTypeAndNoFraming(AuroraTestClient client) {
        RawResult result = client.raw("GET /not-modified-typed HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /text HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String text = new String(result.bytes(), StandardCharsets.ISO_8859_1);
        String head = text.substring(0, text.indexOf("\r\n\r\n") + 4);
        assertEquals(-1, head.indexOf("Content-"), head);
        assertEquals(-1, head.indexOf("Transfer-Encoding"), head);
        assertEquals(2, result.responses().size(), text);
        result.responses().get(1).assertStatus(200).assertBody("hello");
    }
}
