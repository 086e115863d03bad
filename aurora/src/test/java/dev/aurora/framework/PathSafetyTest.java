package dev.aurora.framework;

import dev.aurora.server.RawClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dot segments are refused, never normalized; parameters and catch-alls get exactly their part of
 * the path. Raw sockets, so that no client normalizes the path first.
 */
class PathSafetyTest extends FrameworkTestSupport {
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
        start();
    }

    private void answer(dev.aurora.Context ctx, String text) {
        handled.add(ctx.path());
        ctx.send(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/../b", "/a/./b", "/a/%2e%2e/b", "/a/%2E/b", "/..", "/.", "/a/..", "/a/.",
            "/a/%2E%2e/b", "/a/.%2e/b", "/files/a/../../etc/passwd", "/a/b/./", "/users/../b"})
    void dotSegmentsAre400(String path) {
        RawClient.Response r = rawRequest("GET", path);

        assertEquals(400, r.status(), () -> path + " -> " + r);
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertTrue(r.bodyString().contains("Dot segments"), r::toString);
        assertEquals(List.of(), handled, "a handler saw " + path);
    }

    @Test
    void dotSegmentWithQueryIsStill400() {
        assertEquals(400, rawRequest("GET", "/a/../b?x=1").status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/n/a..b", "/n/..a", "/n/a..", "/n/...", "/n/.hidden", "/n/%2e%2e%2e"})
    void dotsInsideASegmentAreOrdinaryNames(String path) {
        RawClient.Response r = rawRequest("GET", path);

        assertEquals(200, r.status(), () -> path + " -> " + r);
        assertTrue(r.bodyString().startsWith("name="), r::toString);
    }

    @Test
    void catchAllGetsTheRestOfThePath() {
        assertEquals("path=a/b/c", rawRequest("GET", "/files/a/b/c").bodyString());
        assertEquals("path=report.pdf", rawRequest("GET", "/files/report.pdf").bodyString());
        assertEquals("path=a..b/c", rawRequest("GET", "/files/a..b/c").bodyString());
        assertEquals("path=dir/caf\u00e9 1.txt", rawRequest("GET", "/files/dir/caf%C3%A9%201.txt").bodyString());
    }

    @Test
    void staticRouteBeatsCatchAll() {
        assertEquals("a/b", rawRequest("GET", "/a/b").bodyString());
        assertEquals("rest=c/d", rawRequest("GET", "/a/c/d").bodyString());
    }

    @Test
    void encodedSlashStaysWithinOneParameter() {
        assertEquals("id=a/b", rawRequest("GET", "/users/a%2Fb").bodyString());
        assertEquals("id=a/posts", rawRequest("GET", "/users/a%2fposts").bodyString());
        assertEquals("posts of a/b", rawRequest("GET", "/users/a%2Fb/posts").bodyString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/files/..%2F..%2Fetc%2Fpasswd", "/files/%2e%2e%2fsecret", "/files/ok/..%2fsecret",
            "/users/..%2F..%2Fadmin"})
    void encodedSlashCannotSmuggleDotSegmentsIntoParameters(String path) {
        RawClient.Response r = rawRequest("GET", path);

        // Decoded, these values climb out of their prefix ("../../etc/passwd"): they must be refused
        // like the same path with plain slashes, before any handler sees them.
        assertEquals(List.of(), handled, () -> "a handler saw " + path + " and answered " + r.bodyString());
        assertEquals(400, r.status(), () -> path + " -> " + r);
    }

    @Test
    void refusedPathDoesNotCloseTheConnection() {
        RawClient client = raw();
        assertEquals(400, client.send(RawClient.get("/a/../b")).readResponse().status());
        assertEquals("b", client.send(RawClient.get("/b")).readResponse().bodyString());
    }
}
