package dev.aurora.tests.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.aurora.Aurora;
import dev.aurora.Cookie;
import dev.aurora.SameSite;
import dev.aurora.ServerConfig;
import dev.aurora.test.AuroraTestClient;
import dev.aurora.test.TestResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a handler reads from and writes through its {@link dev.aurora.Context}. */
class ContextFeaturesTest {
    private final Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1"));
    private final AuroraTestClient client = AuroraTestClient.of(app);

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void cookiesAreReadFromTheCookieHeader() {
        app.get("/c", ctx -> ctx.send(ctx.cookie("theme") + "|" + ctx.cookie("session") + "|" + ctx.cookie("lang")
                + "|" + ctx.cookie("missing") + "|" + ctx.cookie("Theme") + "|" + ctx.cookie("id")));

        client.get("/c").header("Cookie", "xid=9; theme=dark; session=\"abc123\";lang=en ; id=7").send()
                .assertBody("dark|abc123|en|null|null|7");
    }

    @Test
    void cookiesAreFoundInEveryCookieHeader() {
        app.get("/c", ctx -> ctx.send(ctx.cookie("a") + "," + ctx.cookie("b")));

        client.get("/c").header("Cookie", "a=1").header("Cookie", "b=2").send().assertBody("1,2");
    }

    @Test
    void noCookieHeaderMeansNull() {
        app.get("/c", ctx -> ctx.send(String.valueOf(ctx.cookie("a"))));

        client.get("/c").send().assertBody("null");
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

        TestResponse r = client.get("/login").send();

        assertEquals(List.of("sid=abc123; Path=/app; Domain=example.com; Max-Age=3600; Secure; HttpOnly; SameSite=Lax",
                "theme=dark", "old=; Max-Age=0; SameSite=Strict"), r.headers("Set-Cookie"));
    }

    @Test
    void sameSiteNoneWithSecure() {
        app.get("/x", ctx -> {
            ctx.cookie(Cookie.of("t", "1").withSecure(true).withSameSite(SameSite.NONE));
            ctx.send("ok");
        });

        client.get("/x").send().assertHeader("Set-Cookie", "t=1; Secure; SameSite=None");
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

        for (String path : List.of("/space", "/inject", "/path")) {
            client.get(path).send().assertStatus(500).assertHeader("Set-Cookie", null);
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

        client.get("/x").send().assertBody("rejected,rejected,rejected,rejected,rejected");
    }

    @Test
    void redirectDefaultsTo302() {
        app.get("/old", ctx -> ctx.redirect("/new?x=1"));

        client.get("/old").send().assertStatus(302).assertHeader("Location", "/new?x=1")
                .assertHeader("Content-Length", "0");
    }

    @Test
    void redirectWithExplicitStatuses() {
        app.get("/r/:code", ctx -> ctx.redirect("https://example.com/target", Integer.parseInt(ctx.param("code"))));

        for (int code : new int[] {301, 303, 307, 308}) {
            client.get("/r/" + code).send().assertStatus(code).assertHeader("Location", "https://example.com/target");
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

        TestResponse caught = client.get("/caught").send().assertStatus(200).assertHeader("Location", null);
        assertTrue(caught.bodyString().startsWith("IAE: "), caught::describe);

        client.get("/uncaught").send().assertStatus(500).assertHeader("Location", null);
    }

    @Test
    void contentTypeReplacesTheDefaultOnce() {
        app.get("/html", ctx -> ctx.contentType("text/html; charset=utf-8").send("<p>hi</p>"));
        app.get("/api", ctx -> ctx.contentType("application/vnd.api+json").json(Map.of("a", 1)));
        app.get("/bytes", ctx -> ctx.send(new byte[] {1, 2, 3}));

        TestResponse html = client.get("/html").send().assertBody("<p>hi</p>");
        assertEquals(List.of("text/html; charset=utf-8"), html.headers("Content-Type"));

        TestResponse api = client.get("/api").send().assertBody("{\"a\":1}");
        assertEquals(List.of("application/vnd.api+json"), api.headers("Content-Type"));

        assertEquals(List.of("application/octet-stream"), client.get("/bytes").send().headers("Content-Type"));
    }

    @Test
    void remoteAddressIsTheLoopbackPeer() {
        app.get("/me", ctx -> ctx.send(ctx.remoteAddress().getAddress().getHostAddress() + " "
                + (ctx.remoteAddress().getPort() > 0)));

        // A real socket: only a TCP peer has a port.
        try (AuroraTestClient overSocket = AuroraTestClient.http(app)) {
            overSocket.get("/me").send().assertBody("127.0.0.1 true");
        }
    }

    @Test
    void queriesReturnsEveryValueInOrder() {
        app.get("/q", ctx -> ctx.json(Map.of(
                "tags", ctx.queries("tag"),
                "first", ctx.query("tag"),
                "none", ctx.queries("none"),
                "empty", ctx.query("empty"),
                "flag", String.valueOf(ctx.query("flag")))));

        client.get("/q?tag=a&tag=b&x=1&t%61g=c+d&tag=%C3%A9&empty=&flag").send()
                .assertJson("{\"tags\":[\"a\",\"b\",\"c d\",\"\u00e9\"],\"first\":\"a\",\"none\":[],\"empty\":\"\","
                        + "\"flag\":\"\"}");
    }

    @Test
    void queryWithoutQueryStringIsNullAndEmpty() {
        app.get("/q", ctx -> ctx.send(ctx.query("a") + " " + ctx.queries("a")));

        client.get("/q").send().assertBody("null []");
        client.get("/q?").send().assertBody("null []");
    }

    @Test
    void pathParametersArePercentDecoded() {
        app.get("/p/:value", ctx -> ctx.send("[" + ctx.param("value") + "]"));

        client.get("/p/hello%20world").send().assertBody("[hello world]");
        client.get("/p/caf%C3%A9").send().assertBody("[caf\u00e9]");
        client.get("/p/a%2Fb").send().assertBody("[a/b]");
        client.get("/p/a+b").send().assertBody("[a+b]");
        client.get("/p/100%25").send().assertBody("[100%]");
        client.get("/p/a/b").send().assertStatus(404);
    }

    @Test
    void missingParameterNameIsNull() {
        app.get("/p/:value", ctx -> ctx.send(String.valueOf(ctx.param("other"))));

        client.get("/p/1").send().assertBody("null");
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

        assertEquals("/docs/", client.get("/docs").send().bodyString(), "the pattern as registered, trailing slash included");
        client.get("/users/42").send().assertBody("/users/:id");
        client.get("/files/a/b").send().assertBody("/files/*path");
        client.get("/nope").send().assertStatus(404);
        assertEquals(List.of("/docs => /docs/", "/users/42 => /users/:id", "/files/a/b => /files/*path",
                "/nope => null"), seen);
    }

    @Test
    void headersAreCaseInsensitiveAndRepeatable() {
        app.get("/h", ctx -> ctx.send(ctx.header("x-multi") + "|" + ctx.headers("X-MULTI") + "|" + ctx.header("x-none")
                + "|" + ctx.headers("x-none")));

        // Sent as "X-Multi:  one " (extra whitespace around the value) and "x-multi: two".
        client.get("/h").header("X-Multi", " one ").header("x-multi", "two").send()
                .assertBody("one|[one, two]|null|[]");
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

        client.get("/s").send().assertStatus(202).assertBody("200 202 rejected");
    }

    @Test
    void headerValuesWithControlCharactersAreRefused() {
        app.get("/h", ctx -> {
            ctx.header("X-Injected", "a\r\nSet-Cookie: evil=1");
            ctx.send("sent");
        });

        client.get("/h").send().assertStatus(500).assertHeader("Set-Cookie", null).assertHeader("X-Injected", null);
    }
}
