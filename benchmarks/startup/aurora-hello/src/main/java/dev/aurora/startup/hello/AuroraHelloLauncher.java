package dev.aurora.startup.hello;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.config.Configuration;
import dev.aurora.startup.FirstRequest;
import java.nio.file.Path;

/**
 * What examples/hello's HelloApp.main does at start, on port 0: its aurora.toml read through
 * {@link Configuration}, its routes, Logback configured by its HelloLogging; the one request is
 * {@code GET /json}, so the first response includes Jackson's first serialization. Mirrors
 * HelloApp (not a dependency: the example is not installed); keep the two in step.
 */
public final class AuroraHelloLauncher {
    /** The JSON body of {@code GET /json}, as HelloApp.Message. */
    public record Message(String message) {
    }

    private AuroraHelloLauncher() {
    }

    /**
     * @param args unused; {@code -Dhello.config} names the example's aurora.toml
     * @throws Exception if the server cannot start or the request fails
     */
    public static void main(String[] args) throws Exception {
        FirstRequest.mark("main");
        ServerConfig defaults = ServerConfig.defaults().withHost("127.0.0.1").withMaxBodySize(1024 * 1024);
        Path file = Path.of(System.getProperty("hello.config", "aurora.toml"));
        ServerConfig config = Configuration.builder().fileIfExists(file)
                .set("server.port", "0")
                .set("server.host", "127.0.0.1")
                .build().section("server", ServerConfig.class, defaults);
        FirstRequest.mark("configured");
        Aurora app = Aurora.create(config);
        app.get("/", ctx -> ctx.send("Hello, World!"));
        app.get("/plaintext", ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!"));
        app.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
        app.post("/echo", ctx -> ctx.header("Content-Type", "application/octet-stream").send(ctx.body()));
        app.get("/users/:id", ctx -> ctx.contentType("text/plain").send(ctx.param("id")));
        FirstRequest.mark("created");
        app.start();
        FirstRequest.mark("started");
        FirstRequest.get(app.port(), "/json");
        app.stop();
        FirstRequest.mainReturns();
    }
}
