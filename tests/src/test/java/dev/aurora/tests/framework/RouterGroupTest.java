package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.Router;
import dev.aurora.test.AuroraTestClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routers: nesting, prefixes, middleware scope, reuse, and the failures at start. */
class RouterGroupTest {
    private static final Handler PATTERN = ctx -> ctx.send(ctx.routePattern());
    private final Aurora app = Aurora.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        app.stop();
    }

    private Middleware mark(String name) {
        return (ctx, next) -> {
            events.add(name);
            next.handle(ctx);
        };
    }

    /** The line number of the caller, to compare with the call sites named in conflict messages. */
    private static int line() {
        return StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst()).orElseThrow().getLineNumber();
    }

    private List<String> eventsOf(String path) {
        events.clear();
        client.get(path).send().assertStatus(200);
        return List.copyOf(events);
    }

    @Test
    void nestedRoutersRunOuterMiddlewareFirstEachOnlyForItsSubtree() {
        Router users = Router.create().use(mark("users")).get("/:id", PATTERN);
        Router v1 = Router.create().use(mark("v1")).get("/status", PATTERN).includeRouter("/users", users);
        Router api = Router.create().use(mark("api")).get("/health", PATTERN).includeRouter("/v1", v1);
        app.use(mark("app"));
        app.includeRouter("/api", api);
        app.get("/root", PATTERN);

        assertEquals(List.of("app", "api", "v1", "users"), eventsOf("/api/v1/users/42"));
        assertEquals(List.of("app", "api", "v1"), eventsOf("/api/v1/status"));
        assertEquals(List.of("app", "api"), eventsOf("/api/health"));
        assertEquals(List.of("app"), eventsOf("/root"));
        client.get("/api/v1/users/42").send().assertBody("/api/v1/users/:id");
    }

    @Test
    void slashRouteUnderPrefixIsThePrefixItself() {
        app.includeRouter("/api", Router.create().get("/", PATTERN).get("/x", PATTERN));

        client.get("/api").send().assertBody("/api");
        client.get("/api/").send().assertBody("/api");
        client.get("/api/x").send().assertBody("/api/x");
    }

    @Test
    void prefixWithTrailingSlashJoinsWithoutDoubleSlash() {
        app.includeRouter("/api/", Router.create().get("/users", PATTERN).get("/", PATTERN));

        client.get("/api/users").send().assertStatus(200).assertBody("/api/users");
        client.get("/api").send().assertBody("/api");
        client.get("/api//users").send().assertStatus(404);
    }

    @Test
    void emptyAndSlashPrefixesAddNothing() {
        app.includeRouter("", Router.create().get("/a", PATTERN));
        app.includeRouter("/", Router.create().get("/b", PATTERN).get("/", PATTERN));

        client.get("/a").send().assertBody("/a");
        client.get("/b").send().assertBody("/b");
        client.get("/").send().assertBody("/");
    }

    @Test
    void slashRoutesThroughSeveralSlashPrefixesCollapse() {
        Router inner = Router.create().get("/", PATTERN);
        Router middle = Router.create().includeRouter("/", inner);
        app.includeRouter("/outer", middle);

        client.get("/outer").send().assertBody("/outer");
    }

    @Test
    void prefixMustStartWithSlash() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.includeRouter("api", Router.create()));
        assertTrue(e.getMessage().contains("api"), e.getMessage());
    }

    @Test
    void emptyRouterIsFine() {
        app.includeRouter("/empty", Router.create());
        app.includeRouter("", Router.create());
        app.get("/x", PATTERN);

        client.get("/x").send().assertStatus(200);
        client.get("/empty").send().assertStatus(404);
    }

    @Test
    void routerFilledAfterInclusionStillCounts() {
        Router late = Router.create();
        app.includeRouter("/late", late);
        late.get("/x", PATTERN).use(mark("late"));

        assertEquals(List.of("late"), eventsOf("/late/x"));
    }

    @Test
    void sameRouterIncludedTwiceUnderDifferentPrefixes() {
        Router items = Router.create().use(mark("items")).get("/items/:id", ctx -> ctx.send(ctx.routePattern() + " "
                + ctx.param("id")));
        app.includeRouter("/v1", items);
        app.includeRouter("/v2", items);

        client.get("/v1/items/1").send().assertBody("/v1/items/:id 1");
        client.get("/v2/items/2").send().assertBody("/v2/items/:id 2");
        assertEquals(List.of("items"), eventsOf("/v2/items/3"));
    }

    @Test
    void sameRouteInTwoIncludedRoutersFailsAtStartNamingBothSites() {
        Router first = Router.create();
        Router second = Router.create();
        int firstLine = line(); first.get("/users", PATTERN);
        int secondLine = line(); second.get("/users", PATTERN);
        app.includeRouter("/api", first);
        app.includeRouter("/api", second);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));

        String message = e.getMessage();
        assertTrue(message.contains("GET /api/users"), message);
        assertTrue(message.contains("RouterGroupTest.java:" + firstLine + ")"), message);
        assertTrue(message.contains("RouterGroupTest.java:" + secondLine + ")"), message);
    }

    @Test
    void nestedRouteConflictingWithAppRouteFailsAtStart() {
        Router v1 = Router.create();
        int nestedLine = line(); v1.post("/users/:id", PATTERN);
        Router api = Router.create().includeRouter("/v1", v1);
        app.includeRouter("/api", api);
        int appLine = line(); app.post("/api/v1/users/:id", PATTERN);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));

        String message = e.getMessage();
        assertTrue(message.contains("POST /api/v1/users/:id"), message);
        assertTrue(message.contains("RouterGroupTest.java:" + nestedLine + ")"), message);
        assertTrue(message.contains("RouterGroupTest.java:" + appLine + ")"), message);
    }

    @Test
    void differentParameterNamesAcrossRoutersFailAtStart() {
        Router a = Router.create();
        Router b = Router.create();
        int aLine = line(); a.get("/users/:id", PATTERN);
        int bLine = line(); b.get("/users/:name/posts", PATTERN);
        app.includeRouter("", a);
        app.includeRouter("", b);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));

        String message = e.getMessage();
        assertTrue(message.contains("'id'") && message.contains("'name'"), message);
        assertTrue(message.contains("RouterGroupTest.java:" + aLine + ")"), message);
        assertTrue(message.contains("RouterGroupTest.java:" + bLine + ")"), message);
    }

    @Test
    void trailingSlashVariantsAcrossRoutersConflict() {
        app.includeRouter("/a", Router.create().get("/x", PATTERN));
        app.includeRouter("/a", Router.create().post("/x/", PATTERN));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));
        assertTrue(e.getMessage().contains("trailing slash"), e.getMessage());
    }

    @Test
    void sameRouterTwiceUnderTheSamePrefixConflicts() {
        Router r = Router.create().get("/x", PATTERN);
        app.includeRouter("/p", r);
        app.includeRouter("/p", r);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));
        assertTrue(e.getMessage().contains("GET /p/x"), e.getMessage());
    }

    @Test
    void routerIncludingItselfFailsAtStart() {
        Router loop = Router.create().get("/x", PATTERN);
        loop.includeRouter("/again", loop);
        app.includeRouter("/loop", loop);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));
        assertTrue(e.getMessage().contains("includes itself"), e.getMessage());
    }

    @Test
    void routerIncludingItselfThroughAnotherFailsAtStart() {
        Router a = Router.create().get("/a", PATTERN);
        Router b = Router.create().get("/b", PATTERN);
        a.includeRouter("/b", b);
        b.includeRouter("/a", a);
        app.includeRouter("", a);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.start(0));
        assertTrue(e.getMessage().contains("includes itself"), e.getMessage());
    }

    @Test
    void failedStartLeavesTheApplicationStoppable() {
        app.get("/x", PATTERN);
        app.get("/x", PATTERN);

        assertThrows(IllegalStateException.class, () -> app.start(0));
        assertThrows(IllegalStateException.class, app::port);
        app.stop();
    }
}
