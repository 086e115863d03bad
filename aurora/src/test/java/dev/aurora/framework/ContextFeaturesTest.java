package dev.aurora.framework;

import dev.aurora.server.RawClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Cookie;
import dev.aurora.SameSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What a handler reads from and writes through its {@link dev.aurora.Context}. */
class ContextFeaturesTest extends FrameworkTestSupport {

    @Test
    void cookiesAreReadFromTheCookieHeader() {
        app.get("/c", ctx -> ctx.send(ctx.cookie("theme") + "|" + ctx.cookie("session") + "|" + ctx.cookie("lang")
                + "|" + ctx.cookie("missing") + "|" + ctx.cookie("Theme") + "|" + ctx.cookie("id")));
        start();

        Reply r = get("/c", "Cookie", "xid=9; theme=dark; session=\"abc123\";lang=en ; id=7");

        assertEquals("dark|abc123|en|null|null|7", r.text());
    }

    @Test
    void cookiesAreFoundInEveryCookieHeader() {
        app.get("/c", ctx -> ctx.send(ctx.cookie("a") + "," + ctx.cookie("b")));
        start();

        RawClient.Response r = rawRequest("GET", "/c", "Cookie: a=1", "Cookie: b=2");

        assertEquals("1,2", r.bodyString());
    }

    @Test
    void noCookieHeaderMeansNull() {
        app.get("/c", ctx -> ctx.send(String.valueOf(ctx.cookie("a"))));
        start();

        assertEquals("null", get("/c").text());
    }

    @Test
    void setCookieHeaderHasEveryAttributeExactly() {
        app.get("/login", ctx -> {
            ctx.cookie(Cookie.of("sid", "abc123")
                    .withPath("/app")
                    .withDomain("example.com")
                    .withMaxAge(Duration.ofHours(1))
                    .withSecure(true)
                    .withHttpOnly(true)
                    .withSameSite(SameSite.LAX));
            ctx.cookie(Cookie.of("theme", "dark"));
            ctx.cookie(Cookie.of("old", "").withMaxAge(Duration.ZERO).withSameSite(SameSite.STRICT));
            ctx.send("ok");
        });
        start();

        Reply r = get("/login");

        assertEquals(List.of("sid=abc123; Path=/app; Domain=example.com; Max-Age=3600; Secure; HttpOnly; SameSite=Lax",
                "theme=dark", "old=; Max-Age=0; SameSite=Strict"), r.headerValues("Set-Cookie"));
    }

    @Test
    void sameSiteNoneWithSecure() {
        app.get("/x", ctx -> {
            ctx.cookie(Cookie.of("t", "1").withSecure(true).withSameSite(SameSite.NONE));
            ctx.send("ok");
        });
        start();

        assertEquals("t=1; Secure; SameSite=None", get("/x").header("Set-Cookie"));
    }

    @Test
    void invalidCookieValueIsRejectedAndNoHeaderIsSent() {
        app.get("/space", ctx -> {
            ctx.cookie(Cookie.of("a", "has space"));
            ctx.send("should not be sent");
        });
        app.get("/inject", ctx -> {
            ctx.cookie(Cookie.of("a", "x;Domain=evil.example"));
            ctx.send("should not be sent");
        });
        app.get("/path", ctx -> {
            ctx.cookie(Cookie.of("a", "x").withPath("/p;Secure"));
            ctx.send("should not be sent");
        });
        start();

        for (String path : List.of("/space", "/inject", "/path")) {
            Reply r = get(path);
            assertEquals(500, r.status(), path);
            assertNull(r.header("Set-Cookie"), path);
        }
    }

    @Test
    void invalidCookieThrowsIllegalArgumentException() {
        List<String> seen = new CopyOnWriteArrayList<>();
        app.get("/x", ctx -> {
            for (String value : List.of("a\"b", "a,b", "a\\b", "caf\u00e9", "a\r\nb")) {
                try {
                    Cookie.of("n", value);
                    seen.add("accepted " + value);
                } catch (IllegalArgumentException e) {
                    seen.add("rejected");
                }
            }
            ctx.send(String.join(",", seen));
        });
        start();

        assertEquals("rejected,rejected,rejected,rejected,rejected", get("/x").text());
    }

    @Test
    void redirectDefaultsTo302() {
        app.get("/old", ctx -> ctx.redirect("/new?x=1"));
        start();

        Reply r = get("/old");

        assertEquals(302, r.status());
        assertEquals("/new?x=1", r.header("Location"));
        assertEquals("0", r.header("Content-Length"));
    }

    @Test
    void redirectWithExplicitStatuses() {
        app.get("/r/:code", ctx -> ctx.redirect("https://example.com/target", Integer.parseInt(ctx.param("code"))));
        start();

        for (int code : new int[] {301, 303, 307, 308}) {
            Reply r = get("/r/" + code);
            assertEquals(code, r.status());
            assertEquals("https://example.com/target", r.header("Location"));
        }
    }

    @Test
    void redirectWithNon3xxStatusIsIllegalArgument() {
        app.get("/caught", ctx -> {
            try {
                ctx.redirect("/somewhere", 200);
                ctx.send("no exception");
            } catch (IllegalArgumentException e) {
                ctx.send("IAE: " + e.getMessage());
            }
        });
        app.get("/uncaught", ctx -> ctx.redirect("/somewhere", 404));
        start();

        Reply caught = get("/caught");
        assertEquals(200, caught.status());
        assertTrue(caught.text().startsWith("IAE: "), caught::toString);
        assertNull(caught.header("Location"));

        Reply uncaught = get("/uncaught");
        assertEquals(500, uncaught.status());
        assertNull(uncaught.header("Location"));
    }

    @Test
    void contentTypeReplacesTheDefaultOnce() {
        app.get("/html", ctx -> ctx.contentType("text/html; charset=utf-8").send("<p>hi</p>"));
        app.get("/api", ctx -> ctx.contentType("application/vnd.api+json").json(Map.of("a", 1)));
        app.get("/bytes", ctx -> ctx.send(new byte[] {1, 2, 3}));
        start();

        Reply html = get("/html");
        assertEquals(List.of("text/html; charset=utf-8"), html.headerValues("Content-Type"));
        assertEquals("<p>hi</p>", html.text());

        Reply api = get("/api");
        assertEquals(List.of("application/vnd.api+json"), api.headerValues("Content-Type"));
        assertEquals("{\"a\":1}", api.text());

        assertEquals(List.of("application/octet-stream"), get("/bytes").headerValues("Content-Type"));
    }

    @Test
    void remoteAddressIsTheLoopbackPeer() {
        app.get("/me", ctx -> ctx.send(ctx.remoteAddress().getAddress().getHostAddress() + " "
                + (ctx.remoteAddress().getPort() > 0)));
        start();

        assertEquals("127.0.0.1 true", get("/me").text());
    }

    @Test
    void queriesReturnsEveryValueInOrder() {
        app.get("/q", ctx -> ctx.json(Map.of(
                "tags", ctx.queries("tag"),
                "first", ctx.query("tag"),
                "none", ctx.queries("none"),
                "empty", ctx.query("empty"),
                "flag", String.valueOf(ctx.query("flag")))));
        start();

        Reply r = get("/q?tag=a&tag=b&x=1&t%61g=c+d&tag=%C3%A9&empty=&flag");

        assertEquals(List.of("a", "b", "c d", "\u00e9"), toList(r.json().get("tags")));
        assertEquals("a", r.json().get("first").asText());
        assertEquals(List.of(), toList(r.json().get("none")));
        assertEquals("", r.json().get("empty").asText());
        assertEquals("", r.json().get("flag").asText());
    }

    @Test
    void queryWithoutQueryStringIsNullAndEmpty() {
        app.get("/q", ctx -> ctx.send(ctx.query("a") + " " + ctx.queries("a")));
        start();

        assertEquals("null []", get("/q").text());
        assertEquals("null []", get("/q?").text());
    }

    private static List<String> toList(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    @Test
    void pathParametersArePercentDecoded() {
        app.get("/p/:value", ctx -> ctx.send("[" + ctx.param("value") + "]"));
        start();

        assertEquals("[hello world]", rawRequest("GET", "/p/hello%20world").bodyString());
        assertEquals("[caf\u00e9]", rawRequest("GET", "/p/caf%C3%A9").bodyString());
        assertEquals("[a/b]", rawRequest("GET", "/p/a%2Fb").bodyString());
        assertEquals("[a+b]", rawRequest("GET", "/p/a+b").bodyString());
        assertEquals("[100%]", rawRequest("GET", "/p/100%25").bodyString());
        assertEquals(404, rawRequest("GET", "/p/a/b").status());
    }

    @Test
    void missingParameterNameIsNull() {
        app.get("/p/:value", ctx -> ctx.send(String.valueOf(ctx.param("other"))));
        start();

        assertEquals("null", get("/p/1").text());
    }

    @Test
    void routePatternIsThePatternNotThePath() {
        List<String> seen = new CopyOnWriteArrayList<>();
        app.use((ctx, next) -> {
            seen.add(ctx.path() + " => " + ctx.routePattern());
            next.handle(ctx);
        });
        app.get("/users/:id", ctx -> ctx.send(ctx.routePattern()));
        app.get("/files/*path", ctx -> ctx.send(ctx.routePattern()));
        app.get("/docs/", ctx -> ctx.send(ctx.routePattern()));
        start();

        assertEquals("/docs/", get("/docs").text(), "the pattern as registered, trailing slash included");
        assertEquals("/users/:id", get("/users/42").text());
        assertEquals("/files/*path", get("/files/a/b").text());
        assertEquals(404, get("/nope").status());
        eventually(() -> assertEquals(List.of("/docs => /docs/", "/users/42 => /users/:id", "/files/a/b => /files/*path",
                "/nope => null"), seen));
    }

    @Test
    void headersAreCaseInsensitiveAndRepeatable() {
        app.get("/h", ctx -> ctx.send(ctx.header("x-multi") + "|" + ctx.headers("X-MULTI") + "|" + ctx.header("x-none")
                + "|" + ctx.headers("x-none")));
        start();

        RawClient.Response r = rawRequest("GET", "/h", "X-Multi:  one ", "x-multi: two");

        assertEquals("one|[one, two]|null|[]", r.bodyString());
    }

    @Test
    void statusIsReadableAndChecked() {
        app.get("/s", ctx -> {
            int before = ctx.status();
            ctx.status(202);
            String invalid;
            try {
                ctx.status(99);
                invalid = "accepted";
            } catch (IllegalArgumentException e) {
                invalid = "rejected";
            }
            ctx.send(before + " " + ctx.status() + " " + invalid);
        });
        start();

        Reply r = get("/s");
        assertEquals(202, r.status());
        assertEquals("200 202 rejected", r.text());
    }

    @Test
    void headerValuesWithControlCharactersAreRefused() {
        app.get("/h", ctx -> {
            ctx.header("X-Injected", "a\r\nSet-Cookie: evil=1");
            ctx.send("sent");
        });
        start();

        Reply r = get("/h");
        assertEquals(500, r.status());
        assertNull(r.header("Set-Cookie"));
        assertNull(r.header("X-Injected"));
    }
}
