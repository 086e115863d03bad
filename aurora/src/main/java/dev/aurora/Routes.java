package dev.aurora;

import dev.aurora.internal.websocket.WebSocketRoute;
import dev.aurora.websocket.WebSocketHandler;
import dev.aurora.websocket.WebSocketOptions;

/**
 * The route registration methods an {@link Aurora} application and a {@link Router} share: one
 * method per HTTP verb, all built on {@link #route(String, String, Handler, Middleware...)}.
 *
 * <p>Every method takes the pattern, the handler, then any number of middleware for that route
 * only, in the order they run:
 *
 * <pre>{@code
 * app.get("/users/:id", ctx -> ctx.json(users.find(ctx.param("id"))));
 * app.post("/users", ctx -> ctx.status(201).json(users.save(user.get(ctx))), auth, user);
 * router.route("PROPFIND", "/files/*path", dav::propfind, auth);
 * }</pre>
 *
 * <p>Patterns are static segments, {@code :name} parameters (one non-empty segment, read with
 * {@link Context#param}) and a trailing {@code *name} catch-all. A route's middleware runs after
 * the application's ({@link Aurora#use}) and each enclosing router's ({@link Router#use}),
 * outermost first, then in the order given here, then the handler. Conflicting registrations
 * (the same method and pattern twice, two parameter names at one position, across routers too)
 * fail when the application builds its routes (at {@link Aurora#start(int)}, or at its first
 * in-process request), with a message naming both patterns and the line of code that registered
 * each: the caller of these methods, never a frame of Aurora's own.
 *
 * @param <S> the implementing type, returned by every method for chaining
 */
public sealed interface Routes<S extends Routes<S>> permits Aurora, Router {

    /**
     * Registers a route for any method token; every other method of this interface calls this one.
     *
     * @param method the method, case-sensitive (e.g. {@code "PROPFIND"}): a non-empty HTTP token
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name};
     *     it must start with {@code /}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @throws IllegalArgumentException if the method is not a token or the path does not start with
     *     {@code /}
     * @throws NullPointerException if an argument or one of the middleware is null
     * @throws IllegalStateException on an application that was started or used in-process already
     */
    S route(String method, String path, Handler handler, Middleware... middleware);

    /**
     * Registers a GET route. HEAD requests are served by it too, without the body, unless a HEAD
     * route is registered for the same pattern.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S get(String path, Handler handler, Middleware... middleware) {
        return route("GET", path, handler, middleware);
    }

    /**
     * Registers a POST route.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S post(String path, Handler handler, Middleware... middleware) {
        return route("POST", path, handler, middleware);
    }

    /**
     * Registers a PUT route.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S put(String path, Handler handler, Middleware... middleware) {
        return route("PUT", path, handler, middleware);
    }

    /**
     * Registers a PATCH route.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S patch(String path, Handler handler, Middleware... middleware) {
        return route("PATCH", path, handler, middleware);
    }

    /**
     * Registers a DELETE route.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S delete(String path, Handler handler, Middleware... middleware) {
        return route("DELETE", path, handler, middleware);
    }

    /**
     * Registers an explicit HEAD route. Without one, HEAD is served by the GET route of the same
     * pattern, which sends the headers (the same {@code Content-Length}) and no body.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S head(String path, Handler handler, Middleware... middleware) {
        return route("HEAD", path, handler, middleware);
    }

    /**
     * Registers an explicit OPTIONS route. Without one, OPTIONS is answered with {@code Allow}
     * listing the pattern's methods.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler the handler
     * @param middleware middleware for this route only, run in this order before the handler
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S options(String path, Handler handler, Middleware... middleware) {
        return route("OPTIONS", path, handler, middleware);
    }

    /**
     * Registers a WebSocket endpoint with the default {@link WebSocketOptions}: a GET route whose
     * requests, after the route's middleware, are upgraded to WebSocket and handed to
     * {@code handler}. Middleware sees the upgrade request like any other: one that answers (a
     * {@code 401}, a {@code 403}) instead of calling the next stops the upgrade. See
     * {@code docs/websocket.md}.
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param handler serves each connection, on its virtual thread
     * @param middleware middleware for this route only, run in this order before the upgrade
     * @return this application or router
     * @see #route(String, String, Handler, Middleware...)
     */
    default S ws(String path, WebSocketHandler handler, Middleware... middleware) {
        return ws(path, WebSocketOptions.defaults(), handler, middleware);
    }

    /**
     * Registers a WebSocket endpoint with its own options (origins, subprotocols, limits, timeouts,
     * permessage-deflate).
     *
     * @param path the pattern: static segments, {@code :name} parameters, a trailing {@code *name}
     * @param options the route's options
     * @param handler serves each connection, on its virtual thread
     * @param middleware middleware for this route only, run in this order before the upgrade
     * @return this application or router
     * @see #ws(String, WebSocketHandler, Middleware...)
     */
    default S ws(String path, WebSocketOptions options, WebSocketHandler handler, Middleware... middleware) {
        return route("GET", path, WebSocketRoute.handler(options, handler), middleware);
    }
}
