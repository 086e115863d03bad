package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Router;
import dev.aurora.ServerConfig;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Status;
import dev.aurora.error.UnauthorizedException;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import dev.aurora.test.RawResult;
import dev.aurora.test.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A small application used the way the README describes, end to end over real sockets: each test
 * registers its routes, then {@link #start()} binds the application to a loopback port.
 */
class ScenarioTest {
    private final Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"));
    private AuroraTestClient client;

    private void start() {
        client = AuroraTestClient.http(app);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        app.stop();
    }

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

        client.get("/hello/aurora").send().assertStatus(200).assertBody("Hello, aurora!")
                .assertHeader("Content-Type", "text/plain; charset=utf-8");
    }

    @Test
    void postJsonToControllerAnswers201WithJson() {
        app.routes(new UserController());
        start();

        client.post("/users").json(new NewUser("Ada", "ada@example.com")).send()
                .assertStatus(201).assertHeader("Content-Type", "application/json")
                .assertJson("{\"id\":42,\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
    }

    @Test
    void unknownPathIsProblem404() {
        app.get("/hello", ctx -> ctx.send("hi"));
        start();

        TestResponse r = client.get("/nope/here").send().assertStatus(404)
                .assertHeader("Content-Type", "application/problem+json");

        Problem problem = r.problem();
        assertEquals("about:blank", problem.type());
        assertEquals("Not Found", problem.title());
        assertEquals(404, problem.status());
        assertTrue(problem.detail().contains("/nope/here"), problem::toString);
        assertEquals("/nope/here", problem.instance());
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

        TestResponse denied = client.get("/api/me").send().assertStatus(401)
                .assertHeader("Content-Type", "application/problem+json");
        assertEquals("Missing or wrong credentials", denied.problem().detail());

        client.get("/api/me").header("Authorization", "Bearer secret").send().assertStatus(200).assertBody("me=ada");

        assertEquals(200, client.get("/public").send().status(), "the router's middleware must not guard other routes");
    }

    @Test
    void wrongMethodIs405WithAllow() {
        app.get("/items", ctx -> ctx.send("list"));
        app.post("/items", ctx -> ctx.status(201).send("made"));
        start();

        TestResponse r = client.delete("/items").send().assertStatus(405)
                .assertHeader("Allow", "GET, HEAD, OPTIONS, POST")
                .assertHeader("Content-Type", "application/problem+json");

        assertEquals(405, r.problem().status());
        assertEquals("/items", r.problem().instance());
    }

    @Test
    void headOnGetRouteSendsHeadersWithoutBody() {
        app.get("/doc", ctx -> ctx.header("X-Doc", "1").send("twelve bytes"));
        start();

        // GET, HEAD, GET on one connection. Had HEAD sent a body, it would sit where the third
        // status line belongs: the HEAD response would then show it as its body.
        RawResult result = client.raw("GET /doc HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "HEAD /doc HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /doc HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        List<TestResponse> responses = result.responses();

        assertEquals(3, responses.size(), result::text);
        TestResponse get = responses.get(0).assertHeader("Content-Length", "12");
        responses.get(1).assertStatus(200).assertBody("")
                .assertHeader("Content-Length", get.header("Content-Length"))
                .assertHeader("Content-Type", "text/plain; charset=utf-8")
                .assertHeader("X-Doc", "1");
        responses.get(2).assertStatus(200).assertBody("twelve bytes");
    }

    @Test
    void headOnJsonRouteHasContentLengthButNoBody() {
        app.get("/json", ctx -> ctx.json(Map.of("a", 1)));
        start();

        // A body after the head would be extra bytes, which the client rejects.
        client.head("/json").send().assertStatus(200).assertHeader("Content-Length", "7").assertBody("");
    }

    @Test
    void optionsAnswersWithAllow() {
        app.get("/things/:id", ctx -> ctx.send("thing"));
        app.put("/things/:id", ctx -> ctx.send("put"));
        app.delete("/things/:id", ctx -> ctx.status(204));
        start();

        client.options("/things/7").send().assertStatus(200)
                .assertHeader("Allow", "DELETE, GET, HEAD, OPTIONS, PUT")
                .assertHeader("Content-Length", "0");
    }

    @Test
    void optionsAsteriskListsEveryMethod() {
        app.get("/a", ctx -> ctx.send("a"));
        app.patch("/b", ctx -> ctx.send("b"));
        start();

        client.options("*").send().assertStatus(200).assertHeader("Allow", "GET, HEAD, OPTIONS, PATCH");
    }

    @Test
    void unknownPathUnderExistingPrefixIs404NotRouted() {
        app.get("/users/:id", ctx -> ctx.send("user " + ctx.param("id")));
        start();

        client.get("/users/1/extra").send().assertStatus(404);
        client.get("/users").send().assertStatus(404);
        client.get("/users/1").send().assertStatus(200).assertHeader("Allow", null);
    }
}
