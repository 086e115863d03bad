package dev.aurora.test;

import dev.aurora.Aurora;
import dev.aurora.Cookie;
import dev.aurora.ServerConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applications shared by the tests. */
final class TestApps {
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PROPFIND");

    private TestApps() {
    }

    /** An application with echo, JSON, cookie and size-limited routes; bodies above 64 bytes get 413. */
    static Aurora create() {
        Aurora app = Aurora.create(ServerConfig.defaults().withHost("127.0.0.1").withMaxBodySize(64));
        for (String method : METHODS) {
            app.route(method, "/echo", ctx -> {
                Map<String, Object> echo = new LinkedHashMap<>();
                echo.put("method", ctx.method());
                echo.put("path", ctx.path());
                echo.put("a", ctx.query("a"));
                echo.put("b", ctx.query("b"));
                echo.put("contentType", ctx.header("Content-Type"));
                echo.put("contentLength", ctx.header("Content-Length"));
                echo.put("x", ctx.headers("X-Test"));
                echo.put("cookie", ctx.header("Cookie"));
                echo.put("body", ctx.bodyString());
                ctx.json(echo);
            });
        }
        app.get("/hello/:name", ctx -> ctx.header("X-Hello", "yes").send("Hello, " + ctx.param("name")));
        app.get("/json", ctx -> ctx.json(Map.of("ok", true, "n", 3)));
        app.post("/upload", ctx -> ctx.send("got " + ctx.body().length));
        app.get("/login", ctx -> ctx.cookie(Cookie.of("session", "abc")).cookie(Cookie.of("theme", "dark"))
                .send("logged in"));
        app.get("/logout", ctx -> ctx.cookie(Cookie.of("session", "").withMaxAge(Duration.ZERO)).send("bye"));
        app.get("/big", ctx -> ctx.send("x".repeat(10_000)));
        return app;
    }
}
