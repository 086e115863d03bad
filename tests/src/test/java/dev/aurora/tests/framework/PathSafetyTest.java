package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.RawResult;
import dev.aurora.test.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dot segments are refused, never normalized; parameters and catch-alls get exactly their part of
 * the path. The test client sends the path exactly as written, with no normalization.
 */
class PathSafetyTest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void routes() {
        app.get("/b", ctx -> answer(ctx, "b"));
        app.get("/a/b", ctx -> answer(ctx, "a/b"));
        app.get("/a/*rest", ctx -> answer(ctx, "rest=" + ctx.param("rest")));
        app.get("/files/*path", ctx -> answer(ctx, "path=" + ctx.param("path")));
        app.get("/users/:id", ctx -> answer(ctx, "id=" + ctx.param("id")));
        app.get("/users/:id/posts", ctx -> answer(ctx, "posts of " + ctx.param("id")));
        app.get("/n/:name", ctx -> answer(ctx, "name=" + ctx.param("name")));
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private void answer(dev.aurora.Context ctx, String text) {
        handled.add(ctx.path());
        ctx.send(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/../b", "/a/./b", "/a/%2e%2e/b", "/a/%2E/b", "/..", "/.", "/a/..", "/a/.",
            "/a/%2E%2e/b", "/a/.%2e/b", "/files/a/../../etc/passwd", "/a/b/./", "/users/../b"})
    void dotSegmentsAre400(String path) {
        TestResponse r = client.get(path).send().assertStatus(400).assertHeader("Content-Type", "application/problem+json");

        assertTrue(r.bodyString().contains("Dot segments"), r::describe);
        assertEquals(List.of(), handled, "a handler saw " + path);
    }

    @Test
    void dotSegmentWithQueryIsStill400() {
        client.get("/a/../b?x=1").send().assertStatus(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/n/a..b", "/n/..a", "/n/a..", "/n/...", "/n/.hidden", "/n/%2e%2e%2e"})
    void dotsInsideASegmentAreOrdinaryNames(String path) {
        TestResponse r = client.get(path).send().assertStatus(200);

        assertTrue(r.bodyString().startsWith("name="), r::describe);
    }

    @Test
    void catchAllGetsTheRestOfThePath() {
        client.get("/files/a/b/c").send().assertBody("path=a/b/c");
        client.get("/files/report.pdf").send().assertBody("path=report.pdf");
        client.get("/files/a..b/c").send().assertBody("path=a..b/c");
        client.get("/files/dir/caf%C3%A9%201.txt").send().assertBody("path=dir/caf\u00e9 1.txt");
    }

    @Test
    void staticRouteBeatsCatchAll() {
        client.get("/a/b").send().assertBody("a/b");
        client.get("/a/c/d").send().assertBody("rest=c/d");
    }

    @Test
    void encodedSlashStaysWithinOneParameter() {
        client.get("/users/a%2Fb").send().assertBody("id=a/b");
        client.get("/users/a%2fposts").send().assertBody("id=a/posts");
        client.get("/users/a%2Fb/posts").send().assertBody("posts of a/b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/..%2F..%2Fetc%2Fpasswd", "/files/%2e%2e%2fsecret", "/files/ok/..%2fsecret",
            "/users/..%2F..%2Fadmin"})
    void encodedSlashCannotSmuggleDotSegmentsIntoParameters(String path) {
        TestResponse r = client.get(path).send();

        // Decoded, these values climb out of their prefix ("../../etc/passwd"): they must be refused
        // like the same path with plain slashes, before any handler sees them.
        assertEquals(List.of(), handled, () -> "a handler saw " + path + " and answered " + r.bodyString());
        r.assertStatus(400);
    }

    @Test
    void refusedPathDoesNotCloseTheConnection() {
        RawResult result = client.raw("GET /a/../b HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(2, result.responses().size(), result::text);
        result.responses().get(0).assertStatus(400);
        result.responses().get(1).assertBody("b");
    }

    /** An encoded backslash separates segments on Windows, so "..%5C" is a dot segment. */
    @Test
    void encodedBackslashCannotHideDotSegments() {
        app.get("/f/*rest", ctx -> ctx.send(ctx.param("rest")));
        assertTrue(client.raw("GET /f/..%5C..%5Cwin.ini HTTP/1.1\r\nHost: h\r\n\r\n").text().startsWith("HTTP/1.1 400"));
        assertTrue(client.raw("GET /f/a%5Cb HTTP/1.1\r\nHost: h\r\n\r\n").text().startsWith("HTTP/1.1 200"));
    }

    /** Lenient targets let a backslash through raw: it separates segments just the same. */
    @Test
    void rawBackslashCannotHideDotSegments() {
        app.get("/f/*rest", ctx -> ctx.send(ctx.param("rest")));
        assertTrue(client.raw("GET /f/..\\..\\win.ini HTTP/1.1\r\nHost: h\r\n\r\n").text().startsWith("HTTP/1.1 400"));
        assertTrue(client.raw("GET /f/.\\x HTTP/1.1\r\nHost: h\r\n\r\n").text().startsWith("HTTP/1.1 400"));
        assertTrue(client.raw("GET /f/a\\b HTTP/1.1\r\nHost: h\r\n\r\n").text().startsWith("HTTP/1.1 200"));
    }
}
