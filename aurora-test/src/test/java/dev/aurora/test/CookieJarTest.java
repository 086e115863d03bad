package dev.aurora.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client's cookie jar: kept across requests, scoped by path, deleted by Max-Age or Expires, cleared on demand. */
class CookieJarTest {
    private final Aurora app = TestApps.create();
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    private String cookieSeen() {
        return (String) client.get("/echo").send().json(Map.class).get("cookie");
    }

    @Test
    void cookiesAreKeptAndSentBack() {
        assertNull(cookieSeen());
        client.get("/login").send().assertStatus(200);
        assertEquals(Map.of("session", "abc", "theme", "dark"), client.cookies());
        assertEquals("session=abc; theme=dark", cookieSeen());
        assertEquals("session=abc; theme=dark", cookieSeen(), "still there on a later request");
    }

    @Test
    void maxAgeZeroDeletesACookie() {
        client.get("/login").send();
        client.get("/logout").send();
        assertEquals(Map.of("theme", "dark"), client.cookies());
        assertEquals("theme=dark", cookieSeen());
    }

    @Test
    void clearCookiesEmptiesTheJar() {
        client.get("/login").send();
        client.clearCookies();
        assertTrue(client.cookies().isEmpty());
        assertNull(cookieSeen());
    }

    @Test
    void cookiesViewIsASnapshot() {
        client.get("/login").send();
        Map<String, String> view = client.cookies();
        assertThrows(UnsupportedOperationException.class, () -> view.put("x", "y"));
        client.clearCookies();
        assertEquals(2, view.size());
    }

    @Test
    void anExplicitCookieHeaderReplacesTheJar() {
        client.get("/login").send();
        Object seen = client.get("/echo").header("Cookie", "mine=1").send().json(Map.class).get("cookie");
        assertEquals("mine=1", seen);
    }

    // ---- paths and expiry (RFC 6265) ----

    /** Sets the cookie given in the "set" query parameter verbatim, at any path; echoes the Cookie header. */
    private static Aurora pathApp() {
        return Aurora.create()
                .get("/*rest", ctx -> {
                    String set = ctx.query("set");
                    if (set != null) {
                        ctx.header("Set-Cookie", set);
                    }
                    ctx.send(String.valueOf(ctx.header("Cookie")));
                });
    }

    @Test
    void aCookieGoesOnlyToPathsUnderItsPath() {
        AuroraTestClient c = AuroraTestClient.of(pathApp());
        c.get("/admin/login").query("set", "token=1; Path=/admin").send();

        assertEquals("token=1", c.get("/admin").send().bodyString());
        assertEquals("token=1", c.get("/admin/users?page=2").send().bodyString());
        assertEquals("null", c.get("/").send().bodyString());
        assertEquals("null", c.get("/administrator").send().bodyString(), "/admin must not match /administrator");
    }

    @Test
    void withoutPathTheDefaultIsTheDirectoryOfTheRequest() {
        AuroraTestClient c = AuroraTestClient.of(pathApp());
        c.get("/shop/cart/add").query("set", "cart=7").send();

        assertEquals("cart=7", c.get("/shop/cart/view").send().bodyString());
        assertEquals("null", c.get("/shop/other").send().bodyString());
    }

    @Test
    void sameNameOnTwoPathsAreTwoCookiesMostSpecificFirst() {
        AuroraTestClient c = AuroraTestClient.of(pathApp());
        c.get("/x").query("set", "id=root; Path=/").send();
        c.get("/x").query("set", "id=app; Path=/app").send();

        assertEquals("id=app; id=root", c.get("/app/page").send().bodyString());
        assertEquals("id=root", c.get("/other").send().bodyString());

        c.get("/x").query("set", "id=; Path=/app; Max-Age=0").send();
        assertEquals("id=root", c.get("/app/page").send().bodyString(), "only the /app cookie was deleted");
    }

    @Test
    void expiresInThePastDeletesAndMaxAgeWinsOverExpires() {
        AuroraTestClient c = AuroraTestClient.of(pathApp());
        c.get("/x").query("set", "a=1; Path=/").send();
        c.get("/x").query("set", "b=2; Path=/").send();

        c.get("/x").query("set", "a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT").send();
        c.get("/x").query("set", "b=3; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60").send();

        assertEquals("b=3", c.get("/").send().bodyString());
    }

    @Test
    void replacingACookieKeepsItsPlace() {
        AuroraTestClient c = AuroraTestClient.of(pathApp());
        c.get("/x").query("set", "a=1; Path=/").send();
        c.get("/x").query("set", "b=1; Path=/").send();
        c.get("/x").query("set", "a=2; Path=/").send();

        assertEquals("a=2; b=1", c.get("/").send().bodyString());
        assertEquals(Map.of("a", "2", "b", "1"), c.cookies());
    }

    @Test
    void defaultPathRules() {
        assertEquals("/", CookieJar.defaultPath("/"));
        assertEquals("/", CookieJar.defaultPath("/login"));
        assertEquals("/", CookieJar.defaultPath("/login?next=/a/b"));
        assertEquals("/a", CookieJar.defaultPath("/a/b"));
        assertEquals("/a/b", CookieJar.defaultPath("/a/b/"));
        assertEquals("/", CookieJar.defaultPath("*"));
    }

    @Test
    void pathMatchRules() {
        assertTrue(CookieJar.pathMatches("/a", "/a"));
        assertTrue(CookieJar.pathMatches("/a/b", "/a"));
        assertTrue(CookieJar.pathMatches("/a/b", "/a/"));
        assertTrue(CookieJar.pathMatches("/a?x=1", "/a"));
        assertTrue(CookieJar.pathMatches("/anything", "/"));
        assertFalse(CookieJar.pathMatches("/ab", "/a"));
        assertFalse(CookieJar.pathMatches("/", "/a"));
    }
}
