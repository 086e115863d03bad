/**
 * Ready-made middleware: each is opt-in, registered with {@code app.use(...)} or on a route, and
 * costs nothing when not used.
 */
package dev.aurora.middleware;
