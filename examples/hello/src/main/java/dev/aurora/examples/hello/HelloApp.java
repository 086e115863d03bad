package dev.aurora.examples.hello;

import dev.aurora.Aurora;
import dev.aurora.ServerConfig;
import dev.aurora.config.ConfigException;
import dev.aurora.config.Configuration;
import java.nio.file.Path;

/**
 * The smallest useful Aurora application: plain text, JSON serialized per request, an echo and a
 * path parameter.
 *
 * <p>Run: {@code ./mvnw -q -pl examples/hello -am -DskipTests package exec:exec}, then
 * {@code curl http://127.0.0.1:8080/}. Stops gracefully on Ctrl-C or SIGTERM.
 *
 * <p>Configuration, each beating the one before: this class's {@link #DEFAULTS}, the
 * {@code [server]} table of {@code aurora.toml} in the working directory (if present; another file
 * with {@code -Dhello.config=path}), {@code AURORA_SERVER_*} environment variables,
 * {@code -Daurora.server.*} system properties, and the arguments {@code [port] [host]}.
 *
 * <p>Logging: {@link HelloLogging} (Logback configured in code) writes plain lines for development; run with
 * {@code -Dlogback.configurationFile=logback-json.xml} for JSON lines in production. With
 * {@code -Dhello.accessLog=true} every request gets an access log line, responses carry
 * {@code X-Request-Id}, and log lines written while a request runs carry its request id (and trace
 * ids when the client sent a {@code traceparent}). It is off by default so load tests measure the
 * bare server.
 */
public final class HelloApp {
    /** The JSON body of {@code GET /json}. */
    public record Message(String message) {
    }

    /** Loopback only and 1 MiB bodies unless configured otherwise. */
    public static final ServerConfig DEFAULTS = ServerConfig.defaults()
            .withHost("127.0.0.1")
            .withMaxBodySize(1024 * 1024);

    private HelloApp() {
    }

    /**
     * Reads the server configuration.
     *
     * @param sources where configuration comes from (the file, environment, properties)
     * @param args optional port and host, which beat every other source
     * @return the server configuration
     * @throws ConfigException naming the source, key and problem of each invalid value
     */
    public static ServerConfig configure(Configuration.Builder sources, String... args) {
        if (args.length > 0) {
            sources.set("server.port", args[0]);
        }
        if (args.length > 1) {
            sources.set("server.host", args[1]);
        }
        return sources.build().section("server", ServerConfig.class, DEFAULTS);
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
        ServerConfig config;
        try {
            Path file = Path.of(System.getProperty("hello.config", "aurora.toml"));
            config = configure(Configuration.builder().fileIfExists(file), args);
        } catch (ConfigException e) {
            // A configuration mistake is the operator's to fix: say what and where, without a stack trace.
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Aurora app = create(config);
        if (Boolean.getBoolean("hello.accessLog")) {
            app.requestIds().accessLog();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start();
    }
}
