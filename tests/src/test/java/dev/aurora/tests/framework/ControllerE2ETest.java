package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Context;
import dev.aurora.Router;
import dev.aurora.annotation.Body;
import dev.aurora.annotation.Delete;
import dev.aurora.annotation.Get;
import dev.aurora.annotation.Header;
import dev.aurora.annotation.Param;
import dev.aurora.annotation.Post;
import dev.aurora.annotation.Prefix;
import dev.aurora.annotation.Put;
import dev.aurora.annotation.Query;
import dev.aurora.annotation.Status;
import dev.aurora.error.NotFoundException;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.Problem;
import dev.aurora.test.TestResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An annotated controller served end to end: binding, conversion, return values, errors. */
class ControllerE2ETest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    enum Sort { NAME, AGE }

    record User(long id, String name, int age, String tenant) {
    }

    record NewUser(String name, int age) {
    }

    @Prefix("/users")
    static final class UserController {
        private final Map<Long, User> users = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong(1);

        UserController() {
            users.put(1L, new User(1, "Ada", 36, "main"));
        }

        @Get("/:id")
        User get(@Param("id") long id) {
            User user = users.get(id);
            if (user == null) {
                throw new NotFoundException("User " + id + " does not exist");
            }
            return user;
        }

        @Get("/:id/name")
        String name(@Param("id") long id) {
            return get(id).name();
        }

        @Get
        String list(@Query(value = "sort", defaultValue = "NAME") Sort sort,
                @Query(value = "limit", defaultValue = "10") int limit,
                @Query(value = "q", defaultValue = "") String q) {
            return "sort=" + sort + " limit=" + limit + " q=" + q;
        }

        @Get("/search")
        String search(@Query("q") String q) {
            return "q=" + q;
        }

        @Get("/:id/tenant")
        String tenant(@Param("id") long id, @Header("X-Tenant") String tenant, @Header("X-Level") int level) {
            return id + "@" + tenant + "#" + level;
        }

        @Post
        @Status(201)
        User create(@Body NewUser body, @Header("X-Tenant") String tenant) {
            User user = new User(ids.incrementAndGet(), body.name(), body.age(), tenant);
            users.put(user.id(), user);
            return user;
        }

        @Put("/:id/avatar")
        void avatar(@Param("id") long id, Context ctx) {
            ctx.status(202).header("X-Avatar-Size", String.valueOf(ctx.body().length)).send("stored for " + id);
        }

        @Delete("/:id")
        void delete(@Param("id") long id) {
            users.remove(id);
        }

        @Get("/:id/nothing")
        Object nothing(@Param("id") long id) {
            return null;
        }
    }

    @BeforeEach
    void registerController() {
        app.routes(new UserController());
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void longPathParameterReturnsObjectAsJson() {
        TestResponse r = client.get("/users/1").send().assertStatus(200).assertHeader("Content-Type", "application/json");

        assertEquals(new User(1, "Ada", 36, "main"), r.json(User.class));
    }

    @Test
    void stringReturnIsPlainText() {
        client.get("/users/1/name").send().assertStatus(200).assertHeader("Content-Type", "text/plain; charset=utf-8")
                .assertBody("Ada");
    }

    @Test
    void queryParametersUseDefaultsWhenAbsent() {
        client.get("/users").send().assertBody("sort=NAME limit=10 q=");
        client.get("/users?limit=3&sort=age&q=x+y").send().assertBody("sort=AGE limit=3 q=x y");
    }

    @Test
    void missingRequiredQueryIs400NamingIt() {
        TestResponse r = client.get("/users/search").send().assertStatus(400);

        assertEquals("Missing query parameter q", r.problem().detail());
        client.get("/users/search").query("q", "abc").send().assertBody("q=abc");
    }

    @Test
    void queryConversionFailureNamesParameterAndChoices() {
        TestResponse r = client.get("/users?sort=height").send().assertStatus(400);

        assertEquals("Query parameter sort must be one of NAME, AGE", r.problem().detail());
        assertEquals("Query parameter limit must be an int", client.get("/users?limit=ten").send().problem().detail());
    }

    @Test
    void headersAreBoundAndConverted() {
        client.get("/users/1/tenant").header("X-Tenant", "acme").header("X-Level", "3").send().assertBody("1@acme#3");

        TestResponse missing = client.get("/users/1/tenant").header("X-Level", "3").send().assertStatus(400);
        assertEquals("Missing header X-Tenant", missing.problem().detail());

        TestResponse bad = client.get("/users/1/tenant").header("X-Tenant", "acme").header("X-Level", "high").send()
                .assertStatus(400);
        assertEquals("Header X-Level must be an int", bad.problem().detail());
    }

    @Test
    void postBindsBodyAndHeaderAndAnswersStatus201() {
        TestResponse r = client.post("/users").header("X-Tenant", "navy").json(new NewUser("Grace", 85)).send()
                .assertStatus(201).assertHeader("Content-Type", "application/json");

        assertEquals(new User(2, "Grace", 85, "navy"), r.json(User.class));
        client.get("/users/2/name").send().assertBody("Grace");
    }

    @Test
    void postWithMalformedBodyIs400() {
        TestResponse r = client.post("/users").header("X-Tenant", "t").body("{\"name\":", null).send()
                .assertStatus(400).assertHeader("Content-Type", "application/problem+json");

        assertTrue(r.problem().detail().contains("line 1"), r::describe);
    }

    @Test
    void voidMethodWithContextWritesItsOwnResponse() {
        client.put("/users/1/avatar").body("12345", "image/png").send()
                .assertStatus(202).assertHeader("X-Avatar-Size", "5").assertBody("stored for 1");
    }

    @Test
    void voidMethodWithoutResponseSendsEmpty200() {
        client.delete("/users/1").send().assertStatus(200).assertHeader("Content-Length", "0");

        client.get("/users/1").send().assertStatus(404);
    }

    @Test
    void nullReturnIs204() {
        TestResponse r = client.get("/users/1/nothing").send().assertStatus(204);

        assertEquals(0, r.body().length);
    }

    @Test
    void nonNumericLongIdIs400NamingTheParameter() {
        TestResponse r = client.get("/users/abc").send().assertStatus(400)
                .assertHeader("Content-Type", "application/problem+json");

        Problem problem = r.problem();
        assertEquals(400, problem.status());
        assertEquals("Path parameter id must be a long", problem.detail());
        assertEquals("/users/abc", problem.instance());
    }

    @Test
    void longOverflowIs400Not500() {
        TestResponse r = client.get("/users/99999999999999999999").send().assertStatus(400);

        assertEquals("Path parameter id must be a long", r.problem().detail());
    }

    @Test
    void notFoundExceptionFromControllerIsProblem404() {
        TestResponse r = client.get("/users/777").send().assertStatus(404)
                .assertHeader("Content-Type", "application/problem+json");

        Problem problem = r.problem();
        assertEquals("Not Found", problem.title());
        assertEquals("User 777 does not exist", problem.detail());
        assertEquals("/users/777", problem.instance());
    }

    @Test
    void wrongMethodOnControllerPathIs405WithAllow() {
        client.patch("/users/1").body("{}", null).send().assertStatus(405)
                .assertHeader("Allow", "DELETE, GET, HEAD, OPTIONS");
    }

    /** Controllers on a router get the router's prefix and middleware. */
    static final class PingController {
        @Get("/ping")
        String ping(Context ctx) {
            return "pong " + ctx.routePattern() + " " + ctx.attribute("seen");
        }
    }

    @Test
    void controllerOnRouterGetsPrefixAndMiddleware() {
        Aurora routed = Aurora.create();
        routed.includeRouter("/api", Router.create()
                .use((ctx, next) -> {
                    ctx.attribute("seen", "router");
                    next.handle(ctx);
                })
                .routes(new PingController()));
        try {
            AuroraTestClient.of(routed).get("/api/ping").send().assertBody("pong /api/ping router");
        } finally {
            routed.stop();
        }
    }
}
