package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.TrailingSlash;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The three trailing-slash policies; the test client sends each path exactly as written. */
class TrailingSlashTest {
    private Aurora app;
    private AuroraTestClient client;

    /** A fresh application with {@code policy}, ready for {@link #client}. */
    private Aurora app(TrailingSlash policy) {
        app = Aurora.create(ServerConfig.defaults().withTrailingSlash(policy));
        client = AuroraTestClient.of(app);
        return app;
    }

    private void routes(TrailingSlash policy) {
        app(policy);
        app.get("/", ctx -> ctx.send("root"));
        app.get("/users", ctx -> ctx.send("users " + ctx.routePattern() + " " + ctx.query("page")));
        app.post("/users", ctx -> ctx.send("created"));
        app.get("/users/:id", ctx -> ctx.send("user " + ctx.param("id")));
        app.get("/docs/", ctx -> ctx.send("docs"));
        app.get("/n/:name/", ctx -> ctx.send("name " + ctx.param("name")));
    }

    private TestResponse request(String target) {
        return client.get(target).send();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void ignoreIsTheDefault() {
        assertEquals(TrailingSlash.IGNORE, ServerConfig.defaults().trailingSlash());
    }

    @Test
    void ignoreReachesSlashlessRouteWithSlash() {
        routes(TrailingSlash.IGNORE);

        request("/users").assertBody("users /users null");
        request("/users/?page=2").assertBody("users /users 2");
        request("/users/42/").assertBody("user 42");
        client.post("/users/").body(new byte[0], null).send().assertBody("created");
    }

    @Test
    void ignoreReachesSlashRouteWithoutSlash() {
        routes(TrailingSlash.IGNORE);

        request("/docs/").assertBody("docs");
        request("/docs").assertBody("docs");
        request("/n/x").assertBody("name x");
        request("/n/x/").assertBody("name x");
    }

    @Test
    void ignoreStripsOneSlashOnly() {
        routes(TrailingSlash.IGNORE);

        request("/users//").assertStatus(404);
    }

    @Test
    void strictServesOnlyTheRegisteredForm() {
        routes(TrailingSlash.STRICT);

        request("/users").assertStatus(200);
        request("/users/").assertStatus(404);
        request("/users/?page=2").assertStatus(404);
        request("/users/42").assertStatus(200);
        request("/users/42/").assertStatus(404);
        request("/docs/").assertStatus(200);
        request("/docs").assertStatus(404).assertHeader("Content-Type", "application/problem+json");
        client.post("/users/").body(new byte[0], null).send().assertStatus(404);
    }

    @Test
    void redirectSends308ToTheRegisteredForm() {
        routes(TrailingSlash.REDIRECT);

        request("/users/").assertStatus(308).assertHeader("Location", "/users");
        request("/docs").assertStatus(308).assertHeader("Location", "/docs/");
        request("/users/42/").assertStatus(308).assertHeader("Location", "/users/42");
        request("/n/caf%C3%A9").assertStatus(308).assertHeader("Location", "/n/caf%C3%A9/");
    }

    @Test
    void redirectKeepsTheQuery() {
        routes(TrailingSlash.REDIRECT);

        request("/users/?page=2&sort=name%20asc").assertStatus(308).assertHeader("Location", "/users?page=2&sort=name%20asc");
        request("/docs?x=1").assertHeader("Location", "/docs/?x=1");
    }

    @Test
    void redirectLeavesRegisteredFormsAlone() {
        routes(TrailingSlash.REDIRECT);

        request("/users?page=3").assertBody("users /users 3");
        request("/docs/").assertBody("docs");
        request("/n/y/").assertBody("name y");
        request("/users").assertHeader("Location", null);
    }

    @Test
    void redirectAppliesToOtherMethodsToo() {
        routes(TrailingSlash.REDIRECT);

        // 308 keeps the method and body, so POST may be redirected as well.
        client.post("/users/").body(new byte[0], null).send().assertStatus(308).assertHeader("Location", "/users");
    }

    @Test
    void redirectOfUnknownPathIs404() {
        routes(TrailingSlash.REDIRECT);

        request("/nothing/").assertStatus(404);
    }

    @Test
    void rootIsUnaffectedByEveryPolicy() {
        for (TrailingSlash policy : TrailingSlash.values()) {
            routes(policy);
            TestResponse r = request("/");
            assertEquals(200, r.status(), policy::toString);
            assertEquals("root", r.bodyString(), policy::toString);
            assertNull(r.header("Location"), policy::toString);
            app.stop();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/", "//evil.example/x/", "/\\evil.example/", "///evil.example/"})
    void redirectNeverPointsToAnotherHost(String target) {
        app(TrailingSlash.REDIRECT).get("/*path", ctx -> ctx.send("spa " + ctx.param("path")));

        TestResponse r = request(target);

        // "Location: //evil.example" is a network-path reference: browsers go to evil.example
        // (and treat "/\\" like "//").
        String location = r.header("Location");
        assertFalse(location != null && (location.startsWith("//") || location.startsWith("/\\")),
                () -> "open redirect: " + r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IGNORE", "STRICT", "REDIRECT"})
    void aCatchAllKeepsTheTrailingSlashWhateverThePolicy(String policy) {
        app(TrailingSlash.valueOf(policy));
        app.get("/files/*path", ctx -> ctx.send("[" + ctx.param("path") + "]"));
        app.get("/files/special/", ctx -> ctx.send("special"));

        request("/files/a/b/").assertStatus(200).assertBody("[a/b/]");
        request("/files/a/b").assertStatus(200).assertBody("[a/b]");
        request("/files/dir/").assertStatus(200).assertBody("[dir/]");
        request("/files/special/").assertStatus(200).assertBody("special");
        request("/files/a%2Fb/").assertStatus(200).assertBody("[a/b/]");
    }
}
