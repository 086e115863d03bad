package dev.aurora;

import dev.aurora.internal.controller.ControllerRoutes;
import dev.aurora.internal.routing.CallSite;
import dev.aurora.internal.routing.RouteSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A group of routes with its own middleware, included into an application (or another router)
 * under a prefix:
 *
 * <pre>{@code
 * Router users = Router.create()
 *         .use(auth)
 *         .get("/:id", ctx -> ctx.json(find(ctx.param("id"))))
 *         .post("/", ctx -> ...);
 * Router v1 = Router.create().includeRouter("/users", users);
 * app.includeRouter("/api/v1", v1);     // GET /api/v1/users/42
 * }</pre>
 *
 * <p>The registration methods ({@code get}, {@code post}, ..., {@code route}) are those of {@link
 * Routes}, shared with {@link Aurora}. Prefixes stack, and so does middleware: a route runs the application's middleware, then each
 * enclosing router's, outermost first, then its own. A router's middleware applies to all of its
 * routes and included routers, whatever the registration order, and never to other routers'
 * routes. Routes are only collected when the application starts, so a router may be filled after
 * it was included. Conflicts (the same method and pattern twice, across routers too) fail at
 * start, naming both registrations. Not thread-safe; configure it on one thread before start.
 */
public final class Router implements Routes<Router> {
    private record Route(String method, String path, List<Middleware> middleware, Handler handler, String site) {
    }

    private record Inclusion(String prefix, Router router, String site) {
    }

    private final List<Middleware> middleware = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<Inclusion> inclusions = new ArrayList<>();

    private Router() {
    }

    /** {@return an empty router} */
    public static Router create() {
        return new Router();
    }

    /**
     * Adds middleware for every route of this router and of the routers it includes.
     *
     * @param middleware the middleware
     * @return this router
     */
    public Router use(Middleware middleware) {
        this.middleware.add(Objects.requireNonNull(middleware, "middleware"));
        return this;
    }

    /** {@inheritDoc} */
    @Override
    public Router route(String method, String path, Handler handler, Middleware... middleware) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(middleware, "middleware");
        if (method.isEmpty() || !method.chars().allMatch(dev.aurora.internal.http.Ascii::isTchar)) {
            throw new IllegalArgumentException("Invalid method: " + method);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Route pattern must start with '/': " + path);
        }
        for (Middleware m : middleware) {
            Objects.requireNonNull(m, "middleware");
        }
        routes.add(new Route(method, path, List.of(middleware), handler, CallSite.caller()));
        return this;
    }

    /**
     * Includes another router's routes under {@code prefix}.
     *
     * @param prefix a path prefix such as {@code /api}; {@code ""} or {@code /} for none
     * @param router the router to include
     * @return this router
     */
    public Router includeRouter(String prefix, Router router) {
        Objects.requireNonNull(router, "router");
        inclusions.add(new Inclusion(checkPrefix(prefix), router, CallSite.caller()));
        return this;
    }

    /**
     * Registers the annotated methods of a controller ({@link dev.aurora.annotation.Get} etc.).
     *
     * @param controller an instance of a class with route annotations
     * @return this router
     * @throws IllegalArgumentException naming class and method if the controller is invalid
     */
    public Router routes(Object controller) {
        for (ControllerRoutes.Route r : ControllerRoutes.of(controller)) {
            routes.add(new Route(r.method(), r.path(), List.of(), r.handler(), r.site()));
        }
        return this;
    }

    /**
     * Hands every route, with joined prefix and full middleware chain, to {@code sink}.
     *
     * @param prefix the prefix of the enclosing routers
     * @param outer the enclosing routers' middleware, outermost first
     * @param sink receives the routes
     */
    void collect(String prefix, List<Middleware> outer, RouteSink sink) {
        collect(prefix, outer, sink, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private void collect(String prefix, List<Middleware> outer, RouteSink sink, Set<Router> enclosing) {
        if (!enclosing.add(this)) {
            throw new IllegalStateException("A router includes itself (directly or through others) under " + prefix);
        }
        List<Middleware> chain = new ArrayList<>(outer);
        chain.addAll(middleware);
        for (Route r : routes) {
            List<Middleware> full = new ArrayList<>(chain);
            full.addAll(r.middleware());
            sink.route(r.method(), join(prefix, r.path()), List.copyOf(full), r.handler(), r.site());
        }
        for (Inclusion inclusion : inclusions) {
            inclusion.router().collect(join(prefix, inclusion.prefix()), chain, sink, enclosing);
        }
        enclosing.remove(this);
    }

    private static String checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && !prefix.startsWith("/")) {
            throw new IllegalArgumentException("Prefix must be empty or start with '/': " + prefix);
        }
        return prefix;
    }

    /** Joins a prefix and a pattern: {@code /api} + {@code /users} = {@code /api/users}; {@code /api} + {@code /} = {@code /api}. */
    static String join(String prefix, String path) {
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (p.isEmpty()) {
            return path;
        }
        if (path.equals("/") || path.isEmpty()) {
            return p;
        }
        return p + path;
    }
}
