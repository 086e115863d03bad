package dev.aurora.internal.routing;

import dev.aurora.internal.http.Ascii;
import dev.aurora.internal.routing.PathPattern.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The routes of an application as a tree of path segments, matched against the raw request path.
 *
 * <h2>Shape</h2>
 * Each node stands for a pattern prefix of whole segments and has up to three kinds of child: static
 * segments (in a {@link SegmentTable}, so fan-out does not slow a lookup), one parameter
 * {@code :name} (one non-empty segment) and one catch-all {@code *name} (the rest of the path, zero
 * or more segments, always a leaf). A node may end a pattern: it then holds the {@link Endpoint}
 * with every method registered on that pattern. Two routes whose parameters sit at the same position
 * share the node, so they must also share the name: {@code /users/:id} beside
 * {@code /users/:name/posts} is refused at registration, naming both routes and where they were
 * registered.
 *
 * <h2>Precedence: most specific first, with backtracking</h2>
 * At each segment the tree tries, in this order: the static child spelled like the segment, then
 * the parameter child, then the catch-all; when the path is used up, the node's own endpoint comes
 * before a catch-all matching nothing. A branch that fails further down is abandoned and the next
 * kind is tried, so a request reaches the route whose segments, read left to right, are the most
 * specific. Worked example with the routes
 * <pre>
 *   A  /a/b/d
 *   B  /a/:x/d/e
 *   C  /a/*rest
 * </pre>
 * the request {@code /a/b/d/e} goes: {@code a} static; {@code b} static; {@code d} static; now
 * {@code /e} is left but A ends here and nothing hangs below {@code d}: fail. Back at {@code b}'s
 * level the parameter is tried: {@code x=b}; {@code d} static; {@code e} static; path used up and
 * B ends here: match B with {@code x=b}. Without B, the catch-all C would have taken
 * {@code rest=b/d/e}. {@code /a/b/d} matches A directly; {@code /a/q} tries the parameter
 * ({@code x=q}, but B needs more) and lands on C with {@code rest=q}. Equivalently: among all patterns matching a path, the winner has the
 * lexicographically smallest kinds sequence with static &lt; parameter &lt; catch-all, a pattern
 * ending earlier beating one that goes on with a catch-all.
 *
 * <h2>Captures without allocation</h2>
 * {@link #find} works on the request's bytes and offsets; no {@code String} exists during a lookup.
 * A parameter's index is fixed by its node (the number of parameters above it), so every pattern
 * through a node stores that parameter in the same {@link RouteMatch} slot. Captures are written
 * only on the way back up from a successful match, so a branch abandoned by backtracking leaves
 * nothing to undo. The match object is sized once for {@link #maxParams()} and reused per
 * connection; values are decoded to {@code String} only when a handler asks
 * ({@link RouteMatch#value}).
 *
 * <h2>Cost</h2>
 * Every node but a catch-all consumes exactly one segment, so a node always sees the same path
 * position and is visited at most once per lookup. A visit hashes the next segment while scanning
 * for its {@code '/'} and probes the static table once: O(segment length), whatever the fan-out.
 * A lookup that does not backtrack is therefore O(path length), independent of the number of
 * routes. Backtracking only visits other nodes, so the worst case is bounded by the number of nodes
 * whose prefix matches the path: a property of the route set, which a request cannot inflate.
 * Recursion depth is bounded by the longest pattern, not by the request.
 *
 * <h2>What the caller does</h2>
 * {@code find} takes the raw path (percent-encoded, no query). Trailing-slash policy, dot-segment
 * rejection and 405 handling belong to the caller: it strips one trailing slash (except from
 * {@code /}) and compares with {@link Endpoint#trailingSlash()}; {@code find} itself matches bytes
 * and never throws on odd input ({@code //}, trailing slashes, stray {@code %}).
 *
 * <p>Built on the application's thread by a {@link Builder}; the tree is then immutable and read by
 * every connection's virtual thread without locking.
 *
 * @param <T> the handler type
 */
public final class RouteTree<T> {
    private final Node<T> root;
    private final int maxParams;
    private final String allowAll;

    private RouteTree(Node<T> root, int maxParams, String allowAll) {
        this.root = root;
        this.maxParams = maxParams;
        this.allowAll = allowAll;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /**
     * Finds the endpoint for the raw (still percent-encoded) request path in {@code b[off, off+len)},
     * which starts with {@code '/'} and has no query. Fills {@code match} with the captured
     * parameters as absolute offsets into {@code b}. Allocates nothing.
     *
     * @param match from {@link #newMatch()} (of this tree); reset even on a miss
     * @return the endpoint, or null when no pattern matches (404)
     */
    public Endpoint<T> find(byte[] b, int off, int len, RouteMatch match) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (match.capacity() < maxParams) {
            throw new IllegalArgumentException("RouteMatch holds " + match.capacity() + " parameters, the tree needs "
                    + maxParams + "; use newMatch()");
        }
        match.count(0);
        if (len == 0 || b[off] != '/') {
            return null;
        }
        int end = off + len;
        // "/" has no segment at all; every other path is one or more "/segment".
        Endpoint<T> found = root.match(b, len == 1 ? end : off, end, match);
        if (found != null) {
            match.count(found.paramCount());
        }
        return found;
    }

    /** A match object with room for this tree's parameters; one per connection, reused. */
    public RouteMatch newMatch() {
        return new RouteMatch(maxParams);
    }

    /** The most parameters (catch-all included) any pattern has. */
    public int maxParams() {
        return maxParams;
    }

    /** The {@code Allow} value for {@code OPTIONS *}: every method any route accepts, sorted. */
    public String allowAll() {
        return allowAll;
    }

    /** One node of the built tree; see the class comment. Immutable. */
    private static final class Node<T> {
        private final SegmentTable<Node<T>> statics;
        private final Node<T> param;
        private final Endpoint<T> catchAll;
        private final Endpoint<T> endpoint;
        /** The {@link RouteMatch} slot of this node's parameter or catch-all child. */
        private final int slot;

        Node(SegmentTable<Node<T>> statics, Node<T> param, Endpoint<T> catchAll, Endpoint<T> endpoint, int slot) {
            this.statics = statics;
            this.param = param;
            this.catchAll = catchAll;
            this.endpoint = endpoint;
            this.slot = slot;
        }

        /**
         * Matches the rest of the path {@code b[pos, end)}: empty, or {@code '/'} followed by the next
         * segment. Captures are written only once a branch has succeeded.
         */
        Endpoint<T> match(byte[] b, int pos, int end, RouteMatch m) {
            if (pos == end) {
                if (endpoint != null) {
                    return endpoint;
                }
                if (catchAll != null) {
                    m.capture(slot, end, end);
                }
                return catchAll;
            }
            int start = pos + 1;
            int segmentEnd = start;
            int hash = 0;
            while (segmentEnd < end && b[segmentEnd] != '/') {
                hash = SegmentTable.step(hash, b[segmentEnd]);
                segmentEnd++;
            }
            // An empty segment ("//" or a trailing '/') is matched by nothing but a catch-all.
            if (segmentEnd > start) {
                if (statics != null) {
                    Node<T> child = statics.find(b, start, segmentEnd, hash);
                    if (child != null) {
                        Endpoint<T> found = child.match(b, segmentEnd, end, m);
                        if (found != null) {
                            return found;
                        }
                    }
                }
                if (param != null) {
                    Endpoint<T> found = param.match(b, segmentEnd, end, m);
                    if (found != null) {
                        m.capture(slot, start, segmentEnd);
                        return found;
                    }
                }
            }
            if (catchAll != null) {
                m.capture(slot, start, end);
            }
            return catchAll;
        }
    }

    /**
     * Collects routes and checks each one as it is added, so a conflict is reported at the
     * registration that causes it; {@link #build()} then freezes the tree. Used once, on the
     * application's thread; not thread-safe.
     *
     * @param <T> the handler type
     */
    public static final class Builder<T> {
        private final PendingNode<T> root = new PendingNode<>();
        private final TreeSet<String> methods = new TreeSet<>();
        private int maxParams;
        private boolean built;

        private Builder() {
        }

        /**
         * Registers {@code value} for {@code method} and {@code pattern}.
         *
         * @param site where the route was registered (e.g. {@code UserController.java:12}), for messages
         * @throws IllegalArgumentException for a malformed pattern or method, naming pattern and site
         * @throws IllegalStateException when the route conflicts with one added before, naming both
         *         patterns and both sites
         */
        public Builder<T> add(String method, String pattern, T value, String site) {
            if (built) {
                throw new IllegalStateException("RouteTree.Builder was already built; cannot add " + method + " "
                        + pattern + " (registered at " + site + ")");
            }
            PathPattern parsed = PathPattern.parse(pattern, site);
            if (method == null || method.isEmpty() || !method.chars().allMatch(Ascii::isTchar)) {
                throw new IllegalArgumentException("Invalid method '" + method + "' for route " + pattern
                        + " (registered at " + site + ")");
            }
            if (value == null) {
                throw new IllegalArgumentException("No handler for route " + method + " " + pattern
                        + " (registered at " + site + ")");
            }
            Route<T> route = new Route<>(method, parsed, value, site);
            // Check before changing anything, so a refused route leaves no trace in the tree.
            checkConflicts(route);
            insert(route);
            methods.add(method);
            maxParams = Math.max(maxParams, parsed.paramNames().size());
            return this;
        }

        /** Freezes the routes into an immutable tree; the builder cannot be used afterwards. */
        public RouteTree<T> build() {
            if (built) {
                throw new IllegalStateException("RouteTree.Builder was already built");
            }
            built = true;
            return new RouteTree<>(freeze(root, 0), maxParams, String.join(", ", Endpoint.allowed(methods)));
        }

        private void checkConflicts(Route<T> route) {
            PendingNode<T> node = root;
            for (Segment segment : route.pattern().segments()) {
                switch (segment.kind()) {
                    case STATIC -> node = node.statics.get(segment.text());
                    case PARAM -> {
                        if (node.param != null && !node.paramName.equals(segment.text())) {
                            throw nameConflict(node.paramOwner, node.paramName, route, segment.text());
                        }
                        node = node.param;
                    }
                    case CATCH_ALL -> {
                        if (node.catchAll != null) {
                            if (!node.catchAllName.equals(segment.text())) {
                                throw nameConflict(node.catchAll.first, node.catchAllName, route, segment.text());
                            }
                            node.catchAll.check(route);
                        }
                        return;
                    }
                }
                if (node == null) {
                    return; // new ground from here on: nothing to conflict with
                }
            }
            if (node.endpoint != null) {
                node.endpoint.check(route);
            }
        }

        private void insert(Route<T> route) {
            PendingNode<T> node = root;
            for (Segment segment : route.pattern().segments()) {
                switch (segment.kind()) {
                    case STATIC -> node = node.statics.computeIfAbsent(segment.text(), s -> new PendingNode<>());
                    case PARAM -> {
                        if (node.param == null) {
                            node.param = new PendingNode<>();
                            node.paramName = segment.text();
                            node.paramOwner = route;
                        }
                        node = node.param;
                    }
                    case CATCH_ALL -> {
                        if (node.catchAll == null) {
                            node.catchAll = new PendingEndpoint<>(route);
                            node.catchAllName = segment.text();
                        }
                        node.catchAll.routes.put(route.method(), route);
                        return;
                    }
                }
            }
            if (node.endpoint == null) {
                node.endpoint = new PendingEndpoint<>(route);
            }
            node.endpoint.routes.put(route.method(), route);
        }

        /** Builds the immutable node for {@code pending}, which has {@code paramsAbove} parameters above it. */
        private static <T> Node<T> freeze(PendingNode<T> pending, int paramsAbove) {
            SegmentTable<Node<T>> statics = null;
            if (!pending.statics.isEmpty()) {
                List<String> segments = new ArrayList<>(pending.statics.keySet());
                List<Node<T>> children = new ArrayList<>();
                for (PendingNode<T> child : pending.statics.values()) {
                    children.add(freeze(child, paramsAbove));
                }
                statics = new SegmentTable<>(segments, children);
            }
            Node<T> param = pending.param == null ? null : freeze(pending.param, paramsAbove + 1);
            return new Node<>(statics, param, PendingEndpoint.freeze(pending.catchAll),
                    PendingEndpoint.freeze(pending.endpoint), paramsAbove);
        }

        private static IllegalStateException nameConflict(Route<?> first, String firstName, Route<?> second,
                String secondName) {
            return new IllegalStateException("Conflicting routes: " + first + " and " + second
                    + " name the parameter at the same position differently ('" + firstName + "' and '" + secondName
                    + "'); routes sharing a position must use one name");
        }
    }

    /** One registration, as the builder remembers it for conflict messages. */
    private record Route<T>(String method, PathPattern pattern, T value, String site) {
        @Override
        public String toString() {
            return method + " " + pattern.registered() + " (registered at " + site + ")";
        }
    }

    /** A builder node: mutable, with who introduced each parameter name, for conflict messages. */
    private static final class PendingNode<T> {
        // Insertion order, so the built tree (and its probe order) is the same on every run.
        final Map<String, PendingNode<T>> statics = new LinkedHashMap<>();
        PendingNode<T> param;
        String paramName;
        Route<T> paramOwner;
        PendingEndpoint<T> catchAll;
        String catchAllName;
        PendingEndpoint<T> endpoint;
    }

    /** The routes of one pattern while building, by method. */
    private static final class PendingEndpoint<T> {
        final Route<T> first;
        final TreeMap<String, Route<T>> routes = new TreeMap<>();

        PendingEndpoint(Route<T> first) {
            this.first = first;
        }

        /** Refuses a second route for the same method, and a mix of {@code /x} and {@code /x/}. */
        void check(Route<T> route) {
            Route<T> previous = routes.get(route.method());
            if (previous != null) {
                throw new IllegalStateException("Duplicate route: " + previous + " and " + route
                        + " are the same method and pattern (a trailing slash does not make a pattern different)");
            }
            if (first.pattern().trailingSlash() != route.pattern().trailingSlash()) {
                throw new IllegalStateException("Conflicting routes: " + first + " and " + route
                        + " differ only in the trailing slash; register every method of a pattern in one form");
            }
        }

        static <T> Endpoint<T> freeze(PendingEndpoint<T> pending) {
            if (pending == null) {
                return null;
            }
            PathPattern pattern = pending.first.pattern();
            List<T> handlers = new ArrayList<>();
            for (Route<T> route : pending.routes.values()) {
                handlers.add(route.value());
            }
            return new Endpoint<>(pattern.normalized(), pattern.trailingSlash(), pattern.paramNames(),
                    List.copyOf(pending.routes.keySet()), handlers);
        }
    }
}
