package dev.aurora.framework;

import dev.aurora.server.RawClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.TrailingSlash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three trailing-slash policies, over raw sockets so the path is exactly what was sent. */
class TrailingSlashTest extends FrameworkTestSupport {

    private void routes(TrailingSlash policy) {
        app(config().withTrailingSlash(policy));
        app.get("/", ctx -> ctx.send("root"));
        app.get("/users", ctx -> ctx.send("users " + ctx.routePattern() + " " + ctx.query("page")));
        app.post("/users", ctx -> ctx.send("created"));
        app.get("/users/:id", ctx -> ctx.send("user " + ctx.param("id")));
        app.get("/docs/", ctx -> ctx.send("docs"));
        app.get("/n/:name/", ctx -> ctx.send("name " + ctx.param("name")));
        start();
    }

    private RawClient.Response request(String target) {
        return rawRequest("GET", target);
    }

    @Test
    void ignoreIsTheDefault() {
        assertEquals(TrailingSlash.IGNORE, config().trailingSlash());
    }

    @Test
    void ignoreReachesSlashlessRouteWithSlash() {
        routes(TrailingSlash.IGNORE);

        assertEquals("users /users null", request("/users").bodyString());
        assertEquals("users /users 2", request("/users/?page=2").bodyString());
        assertEquals("user 42", request("/users/42/").bodyString());
        assertEquals("created", rawRequest("POST", "/users/", "Content-Length: 0").bodyString());
    }

    @Test
    void ignoreReachesSlashRouteWithoutSlash() {
        routes(TrailingSlash.IGNORE);

        assertEquals("docs", request("/docs/").bodyString());
        assertEquals("docs", request("/docs").bodyString());
        assertEquals("name x", request("/n/x").bodyString());
        assertEquals("name x", request("/n/x/").bodyString());
    }

    @Test
    void ignoreStripsOneSlashOnly() {
        routes(TrailingSlash.IGNORE);

        assertEquals(404, request("/users//").status());
    }

    @Test
    void strictServesOnlyTheRegisteredForm() {
        routes(TrailingSlash.STRICT);

        assertEquals(200, request("/users").status());
        assertEquals(404, request("/users/").status());
        assertEquals(404, request("/users/?page=2").status());
        assertEquals(200, request("/users/42").status());
        assertEquals(404, request("/users/42/").status());
        assertEquals(200, request("/docs/").status());
        assertEquals(404, request("/docs").status());
        assertEquals("application/problem+json", request("/docs").header("Content-Type"));
        assertEquals(404, rawRequest("POST", "/users/", "Content-Length: 0").status());
    }

    @Test
    void redirectSends308ToTheRegisteredForm() {
        routes(TrailingSlash.REDIRECT);

        RawClient.Response users = request("/users/");
        assertEquals(308, users.status());
        assertEquals("/users", users.header("Location"));

        RawClient.Response docs = request("/docs");
        assertEquals(308, docs.status());
        assertEquals("/docs/", docs.header("Location"));

        RawClient.Response user = request("/users/42/");
        assertEquals(308, user.status());
        assertEquals("/users/42", user.header("Location"));

        RawClient.Response name = request("/n/caf%C3%A9");
        assertEquals(308, name.status());
        assertEquals("/n/caf%C3%A9/", name.header("Location"));
    }

    @Test
    void redirectKeepsTheQuery() {
        routes(TrailingSlash.REDIRECT);

        RawClient.Response r = request("/users/?page=2&sort=name%20asc");
        assertEquals(308, r.status());
        assertEquals("/users?page=2&sort=name%20asc", r.header("Location"));

        RawClient.Response docs = request("/docs?x=1");
        assertEquals("/docs/?x=1", docs.header("Location"));
    }

    @Test
    void redirectLeavesRegisteredFormsAlone() {
        routes(TrailingSlash.REDIRECT);

        assertEquals("users /users 3", request("/users?page=3").bodyString());
        assertEquals("docs", request("/docs/").bodyString());
        assertEquals("name y", request("/n/y/").bodyString());
        assertNull(request("/users").header("Location"));
    }

    @Test
    void redirectAppliesToOtherMethodsToo() {
        routes(TrailingSlash.REDIRECT);

        // 308 keeps the method and body, so POST may be redirected as well.
        RawClient.Response r = rawRequest("POST", "/users/", "Content-Length: 0");
        assertEquals(308, r.status());
        assertEquals("/users", r.header("Location"));
    }

    @Test
    void redirectOfUnknownPathIs404() {
        routes(TrailingSlash.REDIRECT);

        assertEquals(404, request("/nothing/").status());
    }

    @Test
    void rootIsUnaffectedByEveryPolicy() {
        for (TrailingSlash policy : TrailingSlash.values()) {
            routes(policy);
            RawClient.Response r = request("/");
            assertEquals(200, r.status(), policy::toString);
            assertEquals("root", r.bodyString(), policy::toString);
            assertNull(r.header("Location"), policy::toString);
            app.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "//evil.example/x/", "/\\evil.example/", "///evil.example/"})
    void redirectNeverPointsToAnotherHost(String target) {
        app(config().withTrailingSlash(TrailingSlash.REDIRECT));
        app.get("/*path", ctx -> ctx.send("spa " + ctx.param("path")));
        start();

        RawClient.Response r = request(target);

        // "Location: //evil.example" is a network-path reference: browsers go to evil.example
        // (and treat "/\\" like "//").
        String location = r.header("Location");
        assertFalse(location != null && (location.startsWith("//") || location.startsWith("/\\")),
                () -> "open redirect: " + r);
    }
}
