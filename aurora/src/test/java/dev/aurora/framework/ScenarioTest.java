package dev.aurora.framework;

import dev.aurora.server.RawClient;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aurora.Router;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Status;
import dev.aurora.error.UnauthorizedException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A small application used the way the README describes, end to end over real sockets. */
class ScenarioTest extends FrameworkTestSupport {

    record NewUser(String name, String email) {
    }

    record User(long id, String name, String email) {
    }

    @Prefix("/users")
    static final class UserController {
        private final AtomicLong ids = new AtomicLong(41);

        @Post
        @Status(201)
        User create(@Body NewUser body) {
            return new User(ids.incrementAndGet(), body.name(), body.email());
        }
    }

    @Test
    void getWithPathParameterAnswers200() {
        app.get("/hello/:name", ctx -> ctx.send("Hello, " + ctx.param("name") + "!"));
        start();

        Reply r = get("/hello/aurora");

        assertEquals(200, r.status());
        assertEquals("Hello, aurora!", r.text());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
    }

    @Test
    void postJsonToControllerAnswers201WithJson() {
        app.routes(new UserController());
        start();

        Reply r = send("POST", "/users", "{\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                "Content-Type", "application/json");

        assertEquals(201, r.status(), r::toString);
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode user = r.json();
        assertEquals(42, user.get("id").asLong());
        assertEquals("Ada", user.get("name").asText());
        assertEquals("ada@example.com", user.get("email").asText());
        assertEquals(3, user.size());
    }

    @Test
    void unknownPathIsProblem404() {
        app.get("/hello", ctx -> ctx.send("hi"));
        start();

        Reply r = get("/nope/here");

        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals("about:blank", problem.get("type").asText());
        assertEquals("Not Found", problem.get("title").asText());
        assertEquals(404, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().contains("/nope/here"), problem::toString);
        assertEquals("/nope/here", problem.get("instance").asText());
    }

    @Test
    void authMiddlewareOnRouterAnswers401WithoutHeaderAnd200WithIt() {
        Router api = Router.create()
                .use((ctx, next) -> {
                    if (!"Bearer secret".equals(ctx.header("Authorization"))) {
                        throw new UnauthorizedException("Missing or wrong credentials");
                    }
                    ctx.attribute("user", "ada");
                    next.handle(ctx);
                })
                .get("/me", ctx -> ctx.send("me=" + ctx.attribute("user")));
        app.includeRouter("/api", api);
        app.get("/public", ctx -> ctx.send("open"));
        start();

        Reply denied = get("/api/me");
        assertEquals(401, denied.status());
        assertEquals("application/problem+json", denied.header("Content-Type"));
        assertEquals("Missing or wrong credentials", denied.json().get("detail").asText());

        Reply allowed = get("/api/me", "Authorization", "Bearer secret");
        assertEquals(200, allowed.status());
        assertEquals("me=ada", allowed.text());

        assertEquals(200, get("/public").status(), "the router's middleware must not guard other routes");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        app.get("/items", ctx -> ctx.send("list"));
        app.post("/items", ctx -> ctx.status(201).send("made"));
        start();

        Reply r = send("DELETE", "/items", null);

        assertEquals(405, r.status());
        assertEquals("GET, HEAD, OPTIONS, POST", r.header("Allow"));
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertEquals(405, r.json().get("status").asInt());
        assertEquals("/items", r.json().get("instance").asText());
    }

    @Test
    void headOnGetRouteSendsHeadersWithoutBody() {
        app.get("/doc", ctx -> ctx.header("X-Doc", "1").send("twelve bytes"));
        start();

        RawClient client = raw();
        RawClient.Response get = client.send(RawClient.get("/doc")).readResponse();
        RawClient.Response head = client.send("HEAD /doc HTTP/1.1\r\nHost: localhost\r\n\r\n").readHeadResponse();
        // The same connection must still be in sync: had HEAD sent a body, this would read it as a status line.
        RawClient.Response after = client.send(RawClient.get("/doc")).readResponse();

        assertEquals(200, head.status());
        assertEquals("12", get.header("Content-Length"));
        assertEquals(get.header("Content-Length"), head.header("Content-Length"));
        assertEquals("text/plain; charset=utf-8", head.header("Content-Type"));
        assertEquals("1", head.header("X-Doc"));
        assertEquals(200, after.status());
        assertEquals("twelve bytes", after.bodyString());
    }

    @Test
    void headThroughJdkClientHasNoBody() {
        app.get("/json", ctx -> ctx.json(java.util.Map.of("a", 1)));
        start();

        Reply r = send("HEAD", "/json", null);

        assertEquals(200, r.status());
        assertEquals("7", r.header("Content-Length"));
        assertArrayEquals(new byte[0], r.body());
    }

    @Test
    void optionsAnswersWithAllow() {
        app.get("/things/:id", ctx -> ctx.send("thing"));
        app.put("/things/:id", ctx -> ctx.send("put"));
        app.delete("/things/:id", ctx -> ctx.status(204));
        start();

        Reply r = send("OPTIONS", "/things/7", null);

        assertEquals(200, r.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS, PUT", r.header("Allow"));
        assertEquals("0", r.header("Content-Length"));
    }

    @Test
    void optionsAsteriskListsEveryMethod() {
        app.get("/a", ctx -> ctx.send("a"));
        app.patch("/b", ctx -> ctx.send("b"));
        start();

        RawClient.Response r = rawRequest("OPTIONS", "*");

        assertEquals(200, r.status());
        assertEquals("GET, HEAD, OPTIONS, PATCH", r.header("Allow"));
    }

    @Test
    void unknownPathUnderExistingPrefixIs404NotRouted() {
        app.get("/users/:id", ctx -> ctx.send("user " + ctx.param("id")));
        start();

        assertEquals(404, get("/users/1/extra").status());
        assertEquals(404, get("/users").status());
        Reply ok = get("/users/1");
        assertEquals(200, ok.status());
        assertNull(ok.header("Allow"));
    }
}
