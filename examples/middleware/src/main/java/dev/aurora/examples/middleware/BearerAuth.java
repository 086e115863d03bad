package dev.aurora.examples.middleware;

import dev.aurora.Context;
import dev.aurora.Handler;
import dev.aurora.Middleware;
import dev.aurora.error.ForbiddenException;
import dev.aurora.error.UnauthorizedException;
import java.util.Map;
import java.util.Objects;

/**
 * Bearer token authentication (RFC 6750), written as ordinary middleware: Aurora has no built-in
 * authentication, because where tokens come from (a JWT library, an introspection endpoint, a
 * session store) is the application's choice. Here they are looked up in a map.
 *
 * <ul>
 *   <li>No {@code Authorization}, or another scheme: {@code 401} with
 *       {@code WWW-Authenticate: Bearer realm="example"} (no error code: the client simply did
 *       not try, section 3.1).</li>
 *   <li>A token that is malformed or unknown: {@code 401} with {@code error="invalid_token"}.</li>
 *   <li>A known token: its {@link Principal} is stored for later middleware and the handler
 *       ({@link #principal(Context)}), and the request goes on.</li>
 * </ul>
 * {@link #requireScope(String)} is the authorization step after it: {@code 403} with
 * {@code error="insufficient_scope"} when the token lacks the scope.
 */
public final class BearerAuth implements Middleware {
    private static final String REALM = "Bearer realm=\"example\"";
    private static final String PRINCIPAL = BearerAuth.class.getName() + ".principal";

    private final Map<String, Principal> tokens;

    private BearerAuth(Map<String, Principal> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    /**
     * @param tokens the valid tokens and whom they stand for
     * @return the middleware
     */
    public static BearerAuth of(Map<String, Principal> tokens) {
        return new BearerAuth(tokens);
    }

    @Override
    public void handle(Context ctx, Handler next) throws Exception {
        String authorization = ctx.header("Authorization");
        // The scheme is case-insensitive (RFC 9110 section 11.1); the token is not.
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new UnauthorizedException("A bearer token is required").header("WWW-Authenticate", REALM);
        }
        Principal principal = tokens.get(authorization.substring(7).strip());
        if (principal == null) {
            throw new UnauthorizedException("The bearer token is not valid")
                    .header("WWW-Authenticate", REALM + ", error=\"invalid_token\"");
        }
        ctx.attribute(PRINCIPAL, principal);
        next.handle(ctx);
    }

    /**
     * @param ctx a request that passed this middleware
     * @return whom its token stands for
     * @throws IllegalStateException if the route is not behind {@code BearerAuth}
     */
    public static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("No principal: " + ctx.routePattern() + " is not behind BearerAuth");
        }
        return principal;
    }

    /**
     * Route or router middleware, after {@code BearerAuth}: {@code 403} unless the token has
     * {@code scope}.
     *
     * @param scope the scope the routes need, {@code users:write} say
     * @return the middleware
     */
    public static Middleware requireScope(String scope) {
        Objects.requireNonNull(scope, "scope");
        String challenge = REALM + ", error=\"insufficient_scope\", scope=\"" + scope + "\"";
        return (ctx, next) -> {
            if (!principal(ctx).scopes().contains(scope)) {
                throw new ForbiddenException("This needs the scope " + scope).header("WWW-Authenticate", challenge);
            }
            next.handle(ctx);
        };
    }
}
