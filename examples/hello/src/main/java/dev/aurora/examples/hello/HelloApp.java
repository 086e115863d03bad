package dev.aurora.examples.hello;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;

/**
 * The smallest useful Aurora application: plain text, JSON serialized per request, an echo and a
 * path parameter.
 *
 * <p>Run: {@code ./mvnw -q -pl examples/hello -am -DskipTests package exec:exec}, then
 * {@code curl http://127.0.0.1:8080/}. Arguments: {@code [port] [host]} (default 8080 on
 * 127.0.0.1). Stops gracefully on Ctrl-C or SIGTERM.
 */
public final class HelloApp {
    /** The JSON body of {@code GET /json}. */
    public record Message(String message) {
    }

    private HelloApp() {
    }

    /**
     * Builds the application without starting it (tests start it on port 0).
     *
     * @param config the server configuration
     * @return the application
     */
    public static Aurora create(ServerConfig config) {
        Aurora app = Aurora.create(config);
        app.get("/", ctx -> ctx.send("Hello, World!"));
        app.get("/plaintext", ctx -> ctx.header("Content-Type", "text/plain").send("Hello, World!"));
        app.get("/json", ctx -> ctx.json(new Message("Hello, World!")));
        app.post("/echo", ctx -> ctx.header("Content-Type", "application/octet-stream").send(ctx.body()));
        app.get("/users/:id", ctx -> ctx.contentType("text/plain").send(ctx.param("id")));
        return app;
    }

    /**
     * @param args optional port and host
     */
    public static void main(String[] args) {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        String host = args.length > 1 ? args[1] : "127.0.0.1";
        Aurora app = create(ServerConfig.defaults().withHost(host).withMaxBodySize(1024 * 1024));
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start(port);
    }
}
