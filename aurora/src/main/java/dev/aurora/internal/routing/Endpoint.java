package dev.aurora.internal.routing;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Every route registered on one pattern: the handler per method, the {@code Allow} value for 405
 * and {@code OPTIONS}, and the pattern's parameter names (their values are in the
 * {@link RouteMatch} that {@link RouteTree#find} filled).
 *
 * <p>Immutable; built by {@link RouteTree.Builder#build()} and read by any thread.
 *
 * @param <T> the handler type
 */
public final class Endpoint<T> {
    private final String pattern;
    private final boolean trailingSlash;
    private final String registeredPattern;
    private final String[] paramNames;
    private final String[] methods;
    private final Object[] handlers;
    private final String allow;
    private final boolean catchAll;

    /** {@code methods} sorted, {@code handlers} in the same order. */
    Endpoint(String pattern, boolean trailingSlash, List<String> paramNames, List<String> methods, List<T> handlers) {
        this.pattern = pattern;
        this.trailingSlash = trailingSlash;
        this.registeredPattern = trailingSlash ? pattern + "/" : pattern;
        this.paramNames = paramNames.toArray(new String[0]);
        this.methods = methods.toArray(new String[0]);
        this.handlers = handlers.toArray();
        this.allow = String.join(", ", allowed(methods));
        this.catchAll = pattern.substring(pattern.lastIndexOf('/') + 1).startsWith("*");
    }

    /** Registered methods, plus HEAD when GET is there (GET answers it) and OPTIONS (always answered). */
    static TreeSet<String> allowed(Iterable<String> methods) {
        TreeSet<String> allowed = new TreeSet<>();
        for (String method : methods) {
            allowed.add(method);
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return allowed;
    }

    /** The handler registered for exactly {@code method}; for HEAD without its own, GET's; else null. */
    @SuppressWarnings("unchecked")
    public T handler(String method) {
        for (int i = 0; i < methods.length; i++) {
            if (methods[i].equals(method)) {
                return (T) handlers[i];
            }
        }
        return "HEAD".equals(method) ? handler("GET") : null;
    }

    /** The {@code Allow} header value, sorted: e.g. {@code GET, HEAD, OPTIONS, POST}. */
    public String allow() {
        return allow;
    }

    /**
     * The pattern without its trailing slash ({@code /users/:id}); the routes registered it as
     * {@code pattern() + (trailingSlash() ? "/" : "")}.
     */
    public String pattern() {
        return pattern;
    }

    /**
     * Whether the routes were registered with a trailing slash ({@code /users/}). All routes of an
     * endpoint agree: the builder refuses {@code /users} and {@code /users/} side by side.
     */
    /** The pattern as its routes registered it, trailing slash included ({@code /docs/}). */
    public String registeredPattern() {
        return registeredPattern;
    }

    /** Whether the pattern ends in a catch-all ({@code *name}), which owns the rest of the path. */
    public boolean catchAll() {
        return catchAll;
    }

    /** Whether the pattern was registered with a trailing slash. */
    public boolean trailingSlash() {
        return trailingSlash;
    }

    /** Number of parameters, the catch-all included. */
    public int paramCount() {
        return paramNames.length;
    }

    /** Name of parameter {@code i}, in order of appearance in the pattern. */
    public String paramName(int i) {
        return paramNames[i];
    }

    /** Index of the parameter called {@code name}, or -1. */
    public int paramIndex(String name) {
        for (int i = 0; i < paramNames.length; i++) {
            if (paramNames[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return pattern + (trailingSlash ? "/" : "") + " [" + allow + "] params=" + Arrays.toString(paramNames);
    }
}
