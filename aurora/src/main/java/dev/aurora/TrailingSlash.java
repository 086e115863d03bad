package dev.aurora;

/** How a request path's trailing slash relates to a route's ({@link ServerConfig#trailingSlash()}). */
public enum TrailingSlash {
    /** {@code /users/} and {@code /users} reach the same route (the default). */
    IGNORE,
    /** Only the form the route was registered with matches; the other gets 404. */
    STRICT,
    /** The other form gets a {@code 308 Permanent Redirect} to the registered one. */
    REDIRECT
}
