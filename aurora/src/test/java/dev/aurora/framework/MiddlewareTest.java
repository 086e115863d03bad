package dev.aurora.framework;

import dev.aurora.server.RawClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.aurora.Middleware;
import dev.aurora.Router;
import dev.aurora.error.ForbiddenException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Middleware order, short-circuits, failures, and where each kind of middleware applies. */
class MiddlewareTest extends FrameworkTestSupport {
    private final List<String> events = new CopyOnWriteArrayList<>();

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
        start();

        assertEquals(200, get("/x").status());
        eventually(() -> assertEquals(List.of("a>", "b>", "c>", "handler", "<c", "<b", "<a"), events));
    }

    @Test
    void appThenRouterThenRouteMiddleware() {
        Router router = Router.create()
                .use(recording("router1"))
                .get("/x", recording("route"), ctx -> {
                    events.add("handler");
                    ctx.send("ok");
                })
                .use(recording("router2")); // registered after the route: still applies to it
        app.includeRouter("/r", router);
        app.use(recording("app")); // registered after the router: still runs first
        start();

        assertEquals(200, get("/r/x").status());
        eventually(() -> assertEquals(List.of("app>", "router1>", "router2>", "route>", "handler", "<route",
                "<router2", "<router1", "<app"), events));
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
        start();

        Reply r = get("/x");

        assertEquals(418, r.status());
        assertEquals("short-circuited", r.text());
        assertEquals("yes", r.header("X-Stopped"));
        assertFalse(handlerRan.get());
        eventually(() -> assertEquals(List.of("outer>", "<outer"), events));
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
        start();

        Reply r = get("/x");

        assertEquals(500, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        assertFalse(r.text().contains("secret"), r::toString);
        assertFalse(handlerRan.get());
    }

    @Test
    void exceptionInMiddlewareGoesToMappersAndHttpStatuses() {
        app.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).send("mapped: " + e.getMessage()));
        app.get("/mapped", (ctx, next) -> {
            throw new IllegalStateException("busy");
        }, ctx -> ctx.send("handler"));
        app.get("/forbidden", (ctx, next) -> {
            throw new ForbiddenException("No entry");
        }, ctx -> ctx.send("handler"));
        start();

        Reply mapped = get("/mapped");
        assertEquals(409, mapped.status());
        assertEquals("mapped: busy", mapped.text());

        Reply forbidden = get("/forbidden");
        assertEquals(403, forbidden.status());
        assertEquals("No entry", forbidden.json().get("detail").asText());
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
        start();

        assertEquals(500, get("/x").status());
        assertEquals(List.of("saw boom"), events);
    }

    @Test
    void appMiddlewareRunsForNotFoundMethodNotAllowedAndOptions() {
        app.use((ctx, next) -> {
            events.add(ctx.method() + " " + ctx.path());
            next.handle(ctx);
        });
        app.get("/x", ctx -> ctx.send("x"));
        start();

        assertEquals(404, get("/missing").status());
        assertEquals(405, send("POST", "/x", "").status());
        assertEquals(200, send("OPTIONS", "/x", null).status());
        assertEquals(List.of("GET /missing", "POST /x", "OPTIONS /x"), events);
    }

    @Test
    void headerAddedByAppMiddlewareIsOnBuiltInAnswers() {
        app.use((ctx, next) -> {
            ctx.header("X-Request-Id", "r-1");
            next.handle(ctx);
        });
        app.get("/x", ctx -> ctx.send("x"));
        start();

        assertEquals("r-1", get("/x").header("X-Request-Id"));
        assertEquals("r-1", send("OPTIONS", "/x", null).header("X-Request-Id"));
        Reply notFound = get("/missing");
        assertEquals(404, notFound.status());
        assertEquals("r-1", notFound.header("X-Request-Id"), "app middleware header lost on the built-in 404");
        Reply notAllowed = send("PUT", "/x", "");
        assertEquals(405, notAllowed.status());
        assertEquals("GET, HEAD, OPTIONS", notAllowed.header("Allow"));
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
        start();

        RawClient client = raw();
        assertEquals(404, client.send(RawClient.get("/missing")).readResponse().status());
        // One connection serves its requests in turn: once the second is answered, the first
        // request's middleware has long returned.
        assertEquals(200, client.send(RawClient.get("/x")).readResponse().status());
        assertEquals("/missing -> 404", events.isEmpty() ? "(nothing recorded)" : events.get(0),
                "code after next.handle did not run for the built-in 404");
    }

    @Test
    void routerMiddlewareOnlyRunsForItsOwnRoutes() {
        Router guarded = Router.create().use(recording("guard")).get("/in", ctx -> ctx.send("in"));
        Router other = Router.create().get("/out", ctx -> ctx.send("out"));
        app.includeRouter("/g", guarded);
        app.includeRouter("/o", other);
        app.get("/top", ctx -> ctx.send("top"));
        start();

        assertEquals(200, get("/o/out").status());
        assertEquals(200, get("/top").status());
        assertEquals(404, get("/g/missing").status());
        assertEquals(404, get("/missing").status());
        assertEquals(List.of(), events, "router middleware ran for a request outside its routes");

        assertEquals(200, get("/g/in").status());
        eventually(() -> assertEquals(List.of("guard>", "<guard"), events));
    }

    @Test
    void perRouteMiddlewareAppliesToThatRouteOnly() {
        app.get("/guarded", (ctx, next) -> {
            if (ctx.header("X-Key") == null) {
                ctx.status(401).send("key please");
                return;
            }
            next.handle(ctx);
        }, ctx -> ctx.send("guarded"));
        app.post("/guarded", ctx -> ctx.send("posted"));
        app.get("/open", ctx -> ctx.send("open"));
        start();

        assertEquals(401, get("/guarded").status());
        assertEquals("key please", get("/guarded").text());
        assertEquals("guarded", get("/guarded", "X-Key", "k").text());
        assertEquals("posted", send("POST", "/guarded", "").text(), "route middleware leaked to another method");
        assertEquals("open", get("/open").text());
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
        start();

        assertEquals("hi ada [admin, dev] null", get("/x").text());
    }

    @Test
    void attributesDoNotLeakToTheNextRequestOnTheSameConnection() {
        app.get("/set", (ctx, next) -> {
            ctx.attribute("k", "v");
            next.handle(ctx);
        }, ctx -> ctx.send(String.valueOf((Object) ctx.attribute("k"))));
        app.get("/read", ctx -> ctx.send(String.valueOf((Object) ctx.attribute("k"))));
        start();

        RawClient client = raw();
        assertEquals("v", client.send(RawClient.get("/set")).readResponse().bodyString());
        assertEquals("null", client.send(RawClient.get("/read")).readResponse().bodyString());
    }

    @Test
    void routePatternIsKnownToAppMiddlewareBeforeTheHandler() {
        app.use((ctx, next) -> {
            events.add(String.valueOf(ctx.routePattern()));
            next.handle(ctx);
        });
        app.get("/users/:id", ctx -> ctx.send("u"));
        start();

        get("/users/7");
        get("/nothing");
        assertEquals(List.of("/users/:id", "null"), events);
    }
}
