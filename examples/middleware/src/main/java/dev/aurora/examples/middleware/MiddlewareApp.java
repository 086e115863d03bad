package dev.aurora.examples.middleware;

import dev.aurora.Aurora;
import dev.aurora.Middleware;
import dev.aurora.Router;
import dev.aurora.ServerConfig;
import dev.aurora.middleware.Cors;
import dev.aurora.middleware.RateLimit;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Middleware at every level: the application's (CORS, request ids, access log), then each router
 * of {@code /api -> /v1 -> /users} adds its own, outermost first, then the route's.
 *
 * <pre>
 * every request      Cors; X-Request-Id and the access log (app.requestIds().accessLog())
 * /health            nothing more: no token needed
 * /api/**            BearerAuth: 401 with WWW-Authenticate without a valid token
 * /api/v1/**         Api-Version: 1 on every answer (a custom middleware)
 * /api/v1/users/**   RateLimit per user (after BearerAuth, so it knows who), scope users:read
 * POST, DELETE       scope users:write, Audit (a custom middleware), Validated body
 * </pre>
 *
 * <p>Run: {@code ./mvnw -q -pl examples/middleware -am -DskipTests package exec:exec}, then
 * {@code curl -H 'Authorization: Bearer alice-token' http://127.0.0.1:8080/api/v1/users}.
 */
public final class MiddlewareApp {
    /** Loopback only, port 8080. */
    public static final ServerConfig DEFAULTS = ServerConfig.defaults().withHost("127.0.0.1").withPort(8080);

    /** The demo's tokens: alice may read and write users, bob only read them. */
    public static final Map<String, Principal> TOKENS = Map.of(
            "alice-token", new Principal("alice", Set.of("users:read", "users:write")),
            "bob-token", new Principal("bob", Set.of("users:read")));

    /** Pages of these origins may call the API from a browser, with a bearer token. */
    static final Cors CORS = Cors.builder()
            .allowOrigins("https://app.example.com", "http://localhost:3000")
            .allowMethods("GET", "POST", "DELETE")
            .allowHeaders("Authorization", "Content-Type")
            // Headers a page's script may read besides the basic ones.
            .exposeHeaders("X-Request-Id", "Api-Version", "Retry-After", "WWW-Authenticate")
            .maxAge(Duration.ofMinutes(10))
            .build();

    /** A custom middleware in one line: the API version on every answer under /api/v1. */
    static final Middleware API_VERSION = (ctx, next) -> {
        ctx.header("Api-Version", "1");
        next.handle(ctx);
    };

    private MiddlewareApp() {
    }

    /**
     * Builds the application without starting it (tests start it on port 0). Each call has its
     * own user directory and rate-limit budgets.
     *
     * @param config the server configuration
     * @return the application
     */
    public static Aurora create(ServerConfig config) {
        // Bursts of 5, then one call every 6 seconds, per user: the key is the token's subject,
        // known because BearerAuth ran first (it is on an enclosing router).
        RateLimit perUser = RateLimit.builder()
                .limit(10, Duration.ofMinutes(1))
                .burst(5)
                .key(ctx -> BearerAuth.principal(ctx).subject())
                .build();
        Router users = UserRoutes.router().use(perUser);
        Router v1 = Router.create()
                .use(API_VERSION)
                .get("/me", ctx -> ctx.json(BearerAuth.principal(ctx)))
                .includeRouter("/users", users);
        Router api = Router.create()
                .use(BearerAuth.of(TOKENS))
                .includeRouter("/v1", v1);

        return Aurora.create(config)
                .requestIds()
                .accessLog()
                // First, so that a preflight is answered before any authentication, and CORS
                // headers are on every answer, 401 and 429 included.
                .use(CORS)
                .get("/health", ctx -> ctx.json(Map.of("status", "up")))
                .includeRouter("/api", api);
    }

    /**
     * @param args optional port
     */
    public static void main(String[] args) {
        ServerConfig config = args.length > 0 ? DEFAULTS.withPort(Integer.parseInt(args[0])) : DEFAULTS;
        Aurora app = create(config);
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop, "aurora-shutdown"));
        app.start();
    }
}
