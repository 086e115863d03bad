package dev.aurora.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An annotated controller served over real sockets: binding, conversion, return values, errors. */
class ControllerE2ETest extends FrameworkTestSupport {

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
    void startController() {
        app.routes(new UserController());
        start();
    }

    @Test
    void longPathParameterReturnsObjectAsJson() {
        Reply r = get("/users/1");

        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode user = r.json();
        assertEquals(1, user.get("id").asLong());
        assertEquals("Ada", user.get("name").asText());
        assertEquals(36, user.get("age").asInt());
    }

    @Test
    void stringReturnIsPlainText() {
        Reply r = get("/users/1/name");

        assertEquals(200, r.status());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("Ada", r.text());
    }

    @Test
    void queryParametersUseDefaultsWhenAbsent() {
        assertEquals("sort=NAME limit=10 q=", get("/users").text());
        assertEquals("sort=AGE limit=3 q=x y", get("/users?limit=3&sort=age&q=x+y").text());
    }

    @Test
    void missingRequiredQueryIs400NamingIt() {
        Reply r = get("/users/search");

        assertEquals(400, r.status());
        assertEquals("Missing query parameter q", r.json().get("detail").asText());
        assertEquals("q=abc", get("/users/search?q=abc").text());
    }

    @Test
    void queryConversionFailureNamesParameterAndChoices() {
        Reply r = get("/users?sort=height");

        assertEquals(400, r.status());
        assertEquals("Query parameter sort must be one of NAME, AGE", r.json().get("detail").asText());
        assertEquals("Query parameter limit must be an int", get("/users?limit=ten").json().get("detail").asText());
    }

    @Test
    void headersAreBoundAndConverted() {
        assertEquals("1@acme#3", get("/users/1/tenant", "X-Tenant", "acme", "X-Level", "3").text());

        Reply missing = get("/users/1/tenant", "X-Level", "3");
        assertEquals(400, missing.status());
        assertEquals("Missing header X-Tenant", missing.json().get("detail").asText());

        Reply bad = get("/users/1/tenant", "X-Tenant", "acme", "X-Level", "high");
        assertEquals(400, bad.status());
        assertEquals("Header X-Level must be an int", bad.json().get("detail").asText());
    }

    @Test
    void postBindsBodyAndHeaderAndAnswersStatus201() {
        Reply r = send("POST", "/users", "{\"name\":\"Grace\",\"age\":85}", "Content-Type", "application/json",
                "X-Tenant", "navy");

        assertEquals(201, r.status(), r::toString);
        assertEquals("application/json", r.header("Content-Type"));
        JsonNode user = r.json();
        assertEquals(2, user.get("id").asLong());
        assertEquals("Grace", user.get("name").asText());
        assertEquals(85, user.get("age").asInt());
        assertEquals("navy", user.get("tenant").asText());
        assertEquals("Grace", get("/users/2/name").text());
    }

    @Test
    void postWithMalformedBodyIs400() {
        Reply r = send("POST", "/users", "{\"name\":", "X-Tenant", "t");

        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertTrue(r.json().get("detail").asText().contains("line 1"), r::toString);
    }

    @Test
    void voidMethodWithContextWritesItsOwnResponse() {
        Reply r = send("PUT", "/users/1/avatar", "12345", "Content-Type", "image/png");

        assertEquals(202, r.status());
        assertEquals("5", r.header("X-Avatar-Size"));
        assertEquals("stored for 1", r.text());
    }

    @Test
    void voidMethodWithoutResponseSendsEmpty200() {
        Reply r = send("DELETE", "/users/1", null);

        assertEquals(200, r.status());
        assertEquals("0", r.header("Content-Length"));
        assertEquals(404, get("/users/1").status());
    }

    @Test
    void nullReturnIs204() {
        Reply r = get("/users/1/nothing");

        assertEquals(204, r.status());
        assertEquals(0, r.body().length);
    }

    @Test
    void nonNumericLongIdIs400NamingTheParameter() {
        Reply r = get("/users/abc");

        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals(400, problem.get("status").asInt());
        assertEquals("Path parameter id must be a long", problem.get("detail").asText());
        assertEquals("/users/abc", problem.get("instance").asText());
    }

    @Test
    void longOverflowIs400Not500() {
        Reply r = get("/users/99999999999999999999");

        assertEquals(400, r.status());
        assertEquals("Path parameter id must be a long", r.json().get("detail").asText());
    }

    @Test
    void notFoundExceptionFromControllerIsProblem404() {
        Reply r = get("/users/777");

        assertEquals(404, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals("Not Found", problem.get("title").asText());
        assertEquals("User 777 does not exist", problem.get("detail").asText());
        assertEquals("/users/777", problem.get("instance").asText());
    }

    @Test
    void wrongMethodOnControllerPathIs405WithAllow() {
        Reply r = send("PATCH", "/users/1", "{}");

        assertEquals(405, r.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS", r.header("Allow"));
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
        app.stop();
        app = dev.aurora.Aurora.create(config());
        app.includeRouter("/api", Router.create()
                .use((ctx, next) -> {
                    ctx.attribute("seen", "router");
                    next.handle(ctx);
                })
                .routes(new PingController()));
        start();

        assertEquals("pong /api/ping router", get("/api/ping").text());
    }
}
