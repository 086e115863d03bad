package dev.aurora.internal.routing;

import dev.aurora.Handler;
import dev.aurora.internal.http.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact-path routes, looked up by the request's raw path bytes in an open-addressing table, so a
 * lookup hashes the path once and allocates nothing.
 *
 * <p>Routes are registered on the application's thread before start, then {@link #freeze()} builds
 * the read-only table that every connection's virtual thread reads without locking. A duplicate
 * method and path is refused at registration, naming where both were registered.
 */
public final class RouteTable {
    private final Map<String, PathRoutes> byPath = new LinkedHashMap<>();
    private PathRoutes[] slots = new PathRoutes[1];
    private int mask;
    private String allowAll = "OPTIONS";

    /**
     * Registers {@code handler} for {@code method} and the exact {@code path}.
     *
     * @param site where the route was registered, for conflict messages
     */
    public void add(String method, String path, Handler handler, String site) {
        validate(method, path);
        PathRoutes routes = byPath.computeIfAbsent(path, PathRoutes::new);
        Route previous = routes.find(method);
        if (previous != null) {
            throw new IllegalStateException("Duplicate route " + method + " " + path + ": registered at "
                    + previous.site + " and again at " + site);
        }
        routes.add(new Route(method, handler, site));
    }

    /** Builds the lookup table; called once at start. */
    public void freeze() {
        int capacity = Integer.highestOneBit(Math.max(2, byPath.size() * 2) - 1) << 1;
        slots = new PathRoutes[capacity];
        mask = capacity - 1;
        java.util.Set<String> methods = new java.util.TreeSet<>();
        for (PathRoutes routes : byPath.values()) {
            routes.freeze();
            methods.addAll(routes.methods());
            int i = routes.hash & mask;
            while (slots[i] != null) {
                i = (i + 1) & mask;
            }
            slots[i] = routes;
        }
        methods.add("OPTIONS");
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        allowAll = String.join(", ", methods);
    }

    /** The {@code Allow} value for {@code OPTIONS *}: every method any route accepts. */
    public String allowAll() {
        return allowAll;
    }

    /** The routes of the path in {@code b[off, off+len)}, or null (404). */
    public PathRoutes find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            PathRoutes routes = slots[i];
            if (routes == null) {
                return null;
            }
            if (routes.hash == h && routes.matches(b, off, len)) {
                return routes;
            }
        }
    }

    private static int hash(byte[] b, int off, int len) {
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }

    private static void validate(String method, String path) {
        if (method == null || method.isEmpty() || !method.chars().allMatch(Ascii::isTchar)) {
            throw new IllegalArgumentException("Invalid method: " + method);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("Route path must start with '/': " + path);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c > 0x7F || !Ascii.isTargetChar(c) || c == '?') {
                throw new IllegalArgumentException("Invalid character '" + c + "' in route path: " + path);
            }
        }
    }

    /** One method's handler on a path. */
    public record Route(String method, Handler handler, String site) {
    }

    /** Every route of one path, with the precomputed {@code Allow} value for 405 and OPTIONS. */
    public static final class PathRoutes {
        private final String path;
        private final byte[] bytes;
        private final int hash;
        private final List<Route> list = new ArrayList<>();
        private Route[] routes = new Route[0];
        private String allow = "";

        PathRoutes(String path) {
            this.path = path;
            this.bytes = path.getBytes(StandardCharsets.US_ASCII);
            this.hash = hash(bytes, 0, bytes.length);
        }

        void add(Route route) {
            list.add(route);
        }

        Route find(String method) {
            for (Route r : list) {
                if (r.method.equals(method)) {
                    return r;
                }
            }
            return null;
        }

        List<String> methods() {
            return list.stream().map(Route::method).toList();
        }

        void freeze() {
            routes = list.toArray(new Route[0]);
            java.util.Set<String> allowed = new java.util.LinkedHashSet<>(methods());
            if (allowed.contains("GET")) {
                allowed.add("HEAD");
            }
            allowed.add("OPTIONS");
            allow = String.join(", ", allowed);
        }

        boolean matches(byte[] b, int off, int len) {
            return java.util.Arrays.equals(bytes, 0, bytes.length, b, off, off + len);
        }

        /** The handler for {@code method}, falling back from HEAD to GET; null if none. */
        public Handler handler(String method) {
            for (Route r : routes) {
                if (r.method.equals(method)) {
                    return r.handler;
                }
            }
            if ("HEAD".equals(method)) {
                return handler("GET");
            }
            return null;
        }

        /** The {@code Allow} header value: registered methods, HEAD with GET, and OPTIONS. */
        public String allow() {
            return allow;
        }

        public String path() {
            return path;
        }
    }
}
