package dev.aurora;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The registration methods of {@link Routes} on both implementations: each verb registers its
 * method, passes its middleware on in order, and is reported at the caller's line.
 */
class RoutesTest {
    private static final Handler H = ctx -> { };
    private static final Middleware M1 = (ctx, next) -> next.handle(ctx);
    private static final Middleware M2 = (ctx, next) -> next.handle(ctx);

    /**
     * One registration method of {@link Routes}, called with {@code /p}, {@link #H}, {@link #M1}
     * and {@link #M2}; {@code register} returns the line it registered at.
     */
    record Verb(String method, ToIntFunction<Routes<?>> register) {
        @Override
        public String toString() {
            return method;
        }
    }

    /** The line number of the caller. */
    private static int here() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst().orElseThrow().getLineNumber());
    }

    /** {@code line}, once {@code registered} (the registration on the same line) has run. */
    private static int at(int line, Routes<?> registered) {
        return line;
    }

    static Stream<Verb> verbs() {
        return Stream.of(
                new Verb("GET", r -> at(here(), r.get("/p", H, M1, M2))),
                new Verb("POST", r -> at(here(), r.post("/p", H, M1, M2))),
                new Verb("PUT", r -> at(here(), r.put("/p", H, M1, M2))),
                new Verb("PATCH", r -> at(here(), r.patch("/p", H, M1, M2))),
                new Verb("DELETE", r -> at(here(), r.delete("/p", H, M1, M2))),
                new Verb("HEAD", r -> at(here(), r.head("/p", H, M1, M2))),
                new Verb("OPTIONS", r -> at(here(), r.options("/p", H, M1, M2))),
                new Verb("PROPFIND", r -> at(here(), r.route("PROPFIND", "/p", H, M1, M2))));
    }

    private record Collected(String method, String pattern, List<Middleware> middleware, Handler handler, String site) {
    }

    private static List<Collected> collect(Router router, String prefix, List<Middleware> outer) {
        List<Collected> routes = new ArrayList<>();
        router.collect(prefix, outer, (method, pattern, middleware, handler, site) ->
                routes.add(new Collected(method, pattern, middleware, handler, site)));
        return routes;
    }

    private static Aurora app() {
        return Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"));
    }

    /** Asserts the site is the test's own frame at {@code line}, never one of Aurora's. */
    private static void assertUserSite(String site, int line) {
        assertTrue(site.startsWith("dev.aurora.RoutesTest."), site);
        assertTrue(site.endsWith("(RoutesTest.java:" + line + ")"), site);
    }

    /** Starts {@code app}, expects a duplicate of {@code route} and checks it names both lines. */
    private static void assertDuplicateAt(Aurora app, String route, int firstLine, int secondLine) {
        String message = assertThrows(IllegalStateException.class, () -> app.start(0)).getMessage();
        assertTrue(message.startsWith("Duplicate route: " + route + " (registered at dev.aurora.RoutesTest."), message);
        assertTrue(message.contains("(RoutesTest.java:" + firstLine + "))"), message);
        assertTrue(message.contains("(RoutesTest.java:" + secondLine + "))"), message);
        for (String framework : List.of("Routes.java", "Router.java", "Aurora.java", "CallSite.java")) {
            assertFalse(message.contains(framework), message);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void everyVerbOnARouterRegistersItsMethodAndMiddlewareAtTheCallersLine(Verb verb) {
        Router router = Router.create();
        int line = verb.register().applyAsInt(router);

        List<Collected> routes = collect(router, "", List.of());

        assertEquals(1, routes.size());
        Collected route = routes.get(0);
        assertEquals(verb.method(), route.method());
        assertEquals("/p", route.pattern());
        assertSame(H, route.handler());
        assertEquals(List.of(M1, M2), route.middleware());
        assertUserSite(route.site(), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void everyVerbOnAnApplicationConflictsWithItsMethodNamingBothCallersLines(Verb verb) {
        Aurora app = app();
        int first = verb.register().applyAsInt(app);
        int second = here(); app.route(verb.method(), "/p", ctx -> { });

        assertDuplicateAt(app, verb.method() + " /p", first, second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verbs")
    void everyVerbOnAnIncludedRouterConflictsNamingBothCallersLines(Verb verb) {
        Aurora app = app();
        Router router = Router.create();
        app.includeRouter("/r", router);
        int first = verb.register().applyAsInt(router);
        int second = here(); router.route(verb.method(), "/p", ctx -> { });

        assertDuplicateAt(app, verb.method() + " /r/p", first, second);
    }

    @Test
    void aDefaultVerbAndTheSameRouteOnTheApplicationNameTheirOwnLines() {
        Aurora app = app();
        Router router = Router.create().get("/users", H);
        app.includeRouter("/api", router);
        int routerLine = here(); router.post("/users/:id", H);
        int appLine = here(); app.post("/api/users/:id", H, M1);

        assertDuplicateAt(app, "POST /api/users/:id", routerLine, appLine);
    }

    @Test
    void routeMiddlewareRunsAfterTheApplicationsAndTheRoutersInTheOrderListed() {
        Middleware appLevel = (ctx, next) -> next.handle(ctx);
        Middleware outer = (ctx, next) -> next.handle(ctx);
        Middleware inner = (ctx, next) -> next.handle(ctx);
        Middleware m3 = (ctx, next) -> next.handle(ctx);
        Router nested = Router.create().use(inner).put("/x", H, M2, M1, m3).put("/none", H);
        Router router = Router.create().use(outer).includeRouter("/n", nested);

        List<Collected> routes = collect(router, "/api", List.of(appLevel));

        assertEquals("/api/n/x", routes.get(0).pattern());
        assertEquals(List.of(appLevel, outer, inner, M2, M1, m3), routes.get(0).middleware());
        assertEquals("/api/n/none", routes.get(1).pattern());
        assertEquals(List.of(appLevel, outer, inner), routes.get(1).middleware());
    }

    @Test
    void theMiddlewareArrayIsCopiedAtRegistration() {
        Middleware[] middleware = {M1, M2};
        Router router = Router.create().delete("/x", H, middleware);
        middleware[0] = M2;

        assertEquals(List.of(M1, M2), collect(router, "", List.of()).get(0).middleware());
    }

    @Test
    void nullMiddlewareIsRefusedAtRegistration() {
        Router router = Router.create();
        Aurora app = app();
        assertThrows(NullPointerException.class, () -> router.get("/x", H, M1, null));
        assertThrows(NullPointerException.class, () -> router.get("/x", H, (Middleware[]) null));
        assertThrows(NullPointerException.class, () -> app.head("/x", H, (Middleware) null));
        assertThrows(NullPointerException.class, () -> app.options("/x", null, M1));
        assertEquals(List.of(), collect(router, "", List.of()), "a refused route was kept");
    }

    @Test
    void everyVerbReturnsItsOwnTypeForChaining() {
        Aurora app = app();
        Router router = Router.create();
        assertSame(app, app.get("/a", H).post("/a", H).put("/a", H).patch("/a", H).delete("/a", H)
                .head("/a", H).options("/a", H).route("TRACE", "/a", H, M1).includeRouter("/r", router));
        assertSame(router, router.get("/a", H).post("/a", H).put("/a", H).patch("/a", H).delete("/a", H)
                .head("/a", H).options("/a", H).route("TRACE", "/a", H, M1).includeRouter("/r", Router.create()));
        assertEquals(8, collect(router, "", List.of()).size());
    }
}
