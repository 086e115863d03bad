package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aurora.Aurora;
import dev.aurora.Middleware;
import dev.aurora.Router;
import dev.aurora.error.ForbiddenException;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.RawResult;
import dev.aurora.test.TestResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Middleware order, short-circuits, failures, and where each kind of middleware applies. In-process,
 * {@code send()} returns only once the connection has ended, so whatever a middleware records after
 * {@code next.handle} is already recorded when the response is checked.
 */
class MiddlewareTest {
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        app.stop();
    }

    /** Records {@code name>} before and {@code <name} after the rest of the chain. */
    private Middleware recording(String name) {
        return (ctx, next) -> {
            events.add(name + ">");
            next.handle(ctx);
            events.add("<" + name);
        };
    }

    @Test
    void appMiddlewareRunsInRegistrationOrderAroundTheHandler() {
        app.use(recording("a"));
        app.use(recording("b"));
        app.use(recording("c"));
        app.get("/x", ctx -> {
            events.add("handler");
            ctx.send("ok");
        });

        client.get("/x").send().assertStatus(200);
        assertEquals(List.of("a>", "b>", "c>", "handler", "<c", "<b", "<a"), events);
    }

    @Test
    void appThenRouterThenRouteMiddleware() {
        Router router = Router.create()
                .use(recording("router1"))
                .get("/x", ctx -> {
                    events.add("handler");
                    ctx.send("ok");
                }, recording("route"))
                .use(recording("router2")); // registered after the route: still applies to it
        app.includeRouter("/r", router);
        app.use(recording("app")); // registered after the router: still runs first

        client.get("/r/x").send().assertStatus(200);
        assertEquals(List.of("app>", "router1>", "router2>", "route>", "handler", "<route",
                "<router2", "<router1", "<app"), events);
    }

    @Test
    void middlewareThatDoesNotCallNextShortCircuits() {
        AtomicBoolean handlerRan = new AtomicBoolean();
        app.use(recording("outer"));
        app.use((ctx, next) -> ctx.status(418).header("X-Stopped", "yes").send("short-circuited"));
        app.use(recording("never"));
        app.get("/x", ctx -> {
            handlerRan.set(true);
            ctx.send("handler");
        });

        client.get("/x").send().assertStatus(418).assertBody("short-circuited").assertHeader("X-Stopped", "yes");

        assertFalse(handlerRan.get());
        assertEquals(List.of("outer>", "<outer"), events);
    }

    @Test
    void exceptionInMiddlewareIsA500Problem() {
        AtomicBoolean handlerRan = new AtomicBoolean();
        app.use((ctx, next) -> {
            throw new IllegalStateException("secret internals of middleware");
        });
        app.get("/x", ctx -> {
            handlerRan.set(true);
            ctx.send("handler");
        });

        TestResponse r = client.get("/x").send().assertStatus(500).assertHeader("Content-Type", "application/problem+json");

        assertFalse(r.bodyString().contains("secret"), r::describe);
        assertFalse(handlerRan.get());
    }

    @Test
    void severalRouteMiddlewareRunInTheOrderListedAfterTheAppsAndTheRouters() {
        app.use(recording("app"));
        app.patch("/own", ctx -> {
            events.add("handler");
            ctx.send("own");
        }, recording("first"), recording("second"), recording("third"));
        app.includeRouter("/r", Router.create().use(recording("router")).patch("/x", ctx -> {
            events.add("handler");
            ctx.send("x");
        }, recording("one"), recording("two")));

        client.request("PATCH", "/own").send().assertStatus(200).assertBody("own");
        assertEquals(List.of("app>", "first>", "second>", "third>", "handler", "<third", "<second", "<first", "<app"),
                events);
        events.clear();
        client.request("PATCH", "/r/x").send().assertStatus(200).assertBody("x");
        assertEquals(List.of("app>", "router>", "one>", "two>", "handler", "<two", "<one", "<router", "<app"), events);
    }

    @Test
    void exceptionInMiddlewareGoesToMappersAndHttpStatuses() {
        app.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).send("mapped: " + e.getMessage()));
        app.get("/mapped", ctx -> ctx.send("handler"), (ctx, next) -> {
            throw new IllegalStateException("busy");
        });
        app.get("/forbidden", ctx -> ctx.send("handler"), (ctx, next) -> {
            throw new ForbiddenException("No entry");
        });

        client.get("/mapped").send().assertStatus(409).assertBody("mapped: busy");

        TestResponse forbidden = client.get("/forbidden").send().assertStatus(403);
        assertEquals("No entry", forbidden.problem().detail());
    }

    @Test
    void exceptionFromHandlerPropagatesThroughMiddleware() {
        app.use((ctx, next) -> {
            try {
                next.handle(ctx);
            } catch (IllegalArgumentException e) {
                events.add("saw " + e.getMessage());
                throw e;
            }
        });
        app.get("/x", ctx -> {
            throw new IllegalArgumentException("boom");
        });

        client.get("/x").send().assertStatus(500);
        assertEquals(List.of("saw boom"), events);
    }

    @Test
    void appMiddlewareRunsForNotFoundMethodNotAllowedAndOptions() {
        app.use((ctx, next) -> {
            events.add(ctx.method() + " " + ctx.path());
            next.handle(ctx);
        });
        app.get("/x", ctx -> ctx.send("x"));

        client.get("/missing").send().assertStatus(404);
        client.post("/x").body("", null).send().assertStatus(405);
        client.options("/x").send().assertStatus(200);
        assertEquals(List.of("GET /missing", "POST /x", "OPTIONS /x"), events);
    }

    @Test
    void headerAddedByAppMiddlewareIsOnBuiltInAnswers() {
        app.use((ctx, next) -> {
            ctx.header("X-Request-Id", "r-1");
            next.handle(ctx);
        });
        app.get("/x", ctx -> ctx.send("x"));

        client.get("/x").send().assertHeader("X-Request-Id", "r-1");
        client.options("/x").send().assertHeader("X-Request-Id", "r-1");
        TestResponse notFound = client.get("/missing").send().assertStatus(404);
        assertEquals("r-1", notFound.header("X-Request-Id"), "app middleware header lost on the built-in 404");
        TestResponse notAllowed = client.put("/x").body("", null).send().assertStatus(405)
                .assertHeader("Allow", "GET, HEAD, OPTIONS");
        assertEquals("r-1", notAllowed.header("X-Request-Id"), "app middleware header lost on the built-in 405");
    }

    @Test
    void codeAfterNextInAppMiddlewareSeesBuiltIn404() {
        // The timing/logging middleware of docs/routing.md: it logs after next, for "every request,
        // including 404/405/OPTIONS".
        app.use((ctx, next) -> {
            next.handle(ctx);
            events.add(ctx.path() + " -> " + ctx.status());
        });
        app.get("/x", ctx -> ctx.send("x"));

        client.get("/missing").send().assertStatus(404);
        assertEquals(List.of("/missing -> 404"), events, "code after next.handle did not run for the built-in 404");
        client.get("/x").send().assertStatus(200);
        assertEquals(List.of("/missing -> 404", "/x -> 200"), events);
    }

    @Test
    void routerMiddlewareOnlyRunsForItsOwnRoutes() {
        Router guarded = Router.create().use(recording("guard")).get("/in", ctx -> ctx.send("in"));
        Router other = Router.create().get("/out", ctx -> ctx.send("out"));
        app.includeRouter("/g", guarded);
        app.includeRouter("/o", other);
        app.get("/top", ctx -> ctx.send("top"));

        client.get("/o/out").send().assertStatus(200);
        client.get("/top").send().assertStatus(200);
        client.get("/g/missing").send().assertStatus(404);
        client.get("/missing").send().assertStatus(404);
        assertEquals(List.of(), events, "router middleware ran for a request outside its routes");

        client.get("/g/in").send().assertStatus(200);
        assertEquals(List.of("guard>", "<guard"), events);
    }

    @Test
    void perRouteMiddlewareAppliesToThatRouteOnly() {
        app.get("/guarded", ctx -> ctx.send("guarded"), (ctx, next) -> {
            if (ctx.header("X-Key") == null) {
                ctx.status(401).send("key please");
                return;
            }
            next.handle(ctx);
        });
        app.post("/guarded", ctx -> ctx.send("posted"));
        app.get("/open", ctx -> ctx.send("open"));

        client.get("/guarded").send().assertStatus(401).assertBody("key please");
        client.get("/guarded").header("X-Key", "k").send().assertBody("guarded");
        assertEquals("posted", client.post("/guarded").body("", null).send().bodyString(),
                "route middleware leaked to another method");
        client.get("/open").send().assertBody("open");
    }

    @Test
    void attributesHandDataFromMiddlewareToHandler() {
        app.use((ctx, next) -> {
            ctx.attribute("user", "ada");
            ctx.attribute("roles", List.of("admin", "dev"));
            next.handle(ctx);
        });
        app.use((ctx, next) -> {
            ctx.attribute("greeting", "hi " + ctx.<String>attribute("user"));
            next.handle(ctx);
        });
        app.get("/x", ctx -> {
            List<String> roles = ctx.attribute("roles");
            ctx.send(ctx.attribute("greeting") + " " + roles + " " + ctx.attribute("missing"));
        });

        client.get("/x").send().assertBody("hi ada [admin, dev] null");
    }

    @Test
    void attributesDoNotLeakToTheNextRequestOnTheSameConnection() {
        app.get("/set", ctx -> ctx.send(String.valueOf((Object) ctx.attribute("k"))), (ctx, next) -> {
            ctx.attribute("k", "v");
            next.handle(ctx);
        });
        app.get("/read", ctx -> ctx.send(String.valueOf((Object) ctx.attribute("k"))));

        // Both requests on one connection, served in turn by the same connection loop.
        RawResult result = client.raw("GET /set HTTP/1.1\r\nHost: localhost\r\n\r\n"
                + "GET /read HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertEquals(2, result.responses().size(), result::text);
        result.responses().get(0).assertBody("v");
        result.responses().get(1).assertBody("null");
    }

    @Test
    void routePatternIsKnownToAppMiddlewareBeforeTheHandler() {
        app.use((ctx, next) -> {
            events.add(String.valueOf(ctx.routePattern()));
            next.handle(ctx);
        });
        app.get("/users/:id", ctx -> ctx.send("u"));

        client.get("/users/7").send();
        client.get("/nothing").send();
        assertEquals(List.of("/users/:id", "null"), events);
    }
}
