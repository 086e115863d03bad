package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Static beats parameter beats catch-all at each segment, with backtracking when a branch fails deeper. */
class RoutePrecedenceTest {
    private static final Arena SCRATCH = new Arena(4, 4);

    /** A tree with one GET route per pattern; each route's value is its pattern. */
    private static RouteTree<String> tree(String... patterns) {
        RouteTree.Builder<String> builder = RouteTree.builder();
        for (int i = 0; i < patterns.length; i++) {
            builder.add("GET", patterns[i], patterns[i], "Routes.java:" + (i + 1));
        }
        return builder.build();
    }

    /** The matched pattern followed by its decoded parameters, or null; the path sits inside a larger array. */
    private static String route(RouteTree<String> tree, String path) {
        byte[] b = ("GET " + path + "?q=1").getBytes(StandardCharsets.ISO_8859_1);
        RouteMatch match = tree.newMatch();
        Endpoint<String> endpoint = tree.find(b, 4, path.length(), match);
        if (endpoint == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(endpoint.handler("GET"));
        for (int i = 0; i < match.count(); i++) {
            s.append(' ').append(endpoint.paramName(i)).append('=').append(match.value(b, i, SCRATCH));
        }
        return s.toString();
    }

    @Test
    void staticSegmentBeatsParamBesideIt() {
        RouteTree<String> tree = tree("/users/:id", "/users/new");
        assertEquals("/users/new", route(tree, "/users/new"));
        assertEquals("/users/:id id=42", route(tree, "/users/42"));
        assertEquals("/users/:id id=newer", route(tree, "/users/newer"));
    }

    @Test
    void registrationOrderDoesNotChangePrecedence() {
        RouteTree<String> tree = tree("/users/new", "/users/:id");
        assertEquals("/users/new", route(tree, "/users/new"));
        assertEquals("/users/:id id=42", route(tree, "/users/42"));
    }

    @Test
    void staticBranchIsTakenWhenItMatchesToTheEnd() {
        RouteTree<String> tree = tree("/a/:x/c", "/a/b/:y");
        assertEquals("/a/b/:y y=c", route(tree, "/a/b/c"));
        assertEquals("/a/b/:y y=d", route(tree, "/a/b/d"));
        assertEquals("/a/:x/c x=z", route(tree, "/a/z/c"));
        assertNull(route(tree, "/a/z/d"));
    }

    @Test
    void backtracksFromStaticToParamWhenTheStaticBranchFailsDeeper() {
        RouteTree<String> tree = tree("/a/b/d", "/a/:x/d/e");
        assertEquals("/a/:x/d/e x=b", route(tree, "/a/b/d/e"));
        assertEquals("/a/b/d", route(tree, "/a/b/d"));
    }

    @Test
    void workedExampleOfTheDesignCommentHolds() {
        RouteTree<String> tree = tree("/a/b/d", "/a/:x/d/e", "/a/*rest");
        assertEquals("/a/:x/d/e x=b", route(tree, "/a/b/d/e"));
        assertEquals("/a/b/d", route(tree, "/a/b/d"));
        assertEquals("/a/*rest rest=q", route(tree, "/a/q"));
        assertEquals("/a/*rest rest=b/d/e", route(tree("/a/b/d", "/a/*rest"), "/a/b/d/e"));
    }

    @Test
    void backtracksOverSeveralLevels() {
        RouteTree<String> tree = tree("/a/b/c/d/e", "/a/b/c/:x/f", "/a/b/:y/d/g", "/a/:z/c/d/h", "/:w/b/c/d/i");
        assertEquals("/a/b/c/d/e", route(tree, "/a/b/c/d/e"));
        assertEquals("/a/b/c/:x/f x=d", route(tree, "/a/b/c/d/f"));
        assertEquals("/a/b/:y/d/g y=c", route(tree, "/a/b/c/d/g"));
        assertEquals("/a/:z/c/d/h z=b", route(tree, "/a/b/c/d/h"));
        assertEquals("/:w/b/c/d/i w=a", route(tree, "/a/b/c/d/i"));
        assertNull(route(tree, "/a/b/c/d/j"));
    }

    @Test
    void paramsCapturedOnAnAbandonedBranchDoNotLeak() {
        // Written on the way down, the failed static branch's b=q would sit in the winner's slot 0 (a=s).
        RouteTree<String> tree = tree("/s/:b/x", "/:a/:c/y");
        assertEquals("/:a/:c/y a=s c=q", route(tree, "/s/q/y"));
        assertEquals("/s/:b/x b=q", route(tree, "/s/q/x"));
    }

    @Test
    void catchAllIsTheLastResortAfterStaticAndParam() {
        RouteTree<String> tree = tree("/a/b", "/a/:x/c", "/a/*rest");
        assertEquals("/a/b", route(tree, "/a/b"));
        assertEquals("/a/:x/c x=q", route(tree, "/a/q/c"));
        assertEquals("/a/*rest rest=b/z", route(tree, "/a/b/z"));
        assertEquals("/a/*rest rest=q", route(tree, "/a/q"));
        assertEquals("/a/*rest rest=q/c/d", route(tree, "/a/q/c/d"));
    }

    @Test
    void paramBesideCatchAllTakesExactlyOneSegment() {
        RouteTree<String> tree = tree("/files/:name", "/files/*path");
        assertEquals("/files/:name name=a.txt", route(tree, "/files/a.txt"));
        assertEquals("/files/*path path=dir/a.txt", route(tree, "/files/dir/a.txt"));
        assertEquals("/files/*path path=", route(tree, "/files"));
    }

    @Test
    void staticBesideRootCatchAll() {
        RouteTree<String> tree = tree("/*all", "/health");
        assertEquals("/health", route(tree, "/health"));
        assertEquals("/*all all=healthz", route(tree, "/healthz"));
        assertEquals("/*all all=health/x", route(tree, "/health/x"));
        assertEquals("/*all all=", route(tree, "/"));
    }

    @Test
    void rootRouteBeatsRootCatchAllOnSlash() {
        RouteTree<String> tree = tree("/", "/*all");
        assertEquals("/", route(tree, "/"));
        assertEquals("/*all all=x", route(tree, "/x"));
    }

    @Test
    void patternEndingHereBeatsCatchAllMatchingNothing() {
        RouteTree<String> tree = tree("/files", "/files/*path");
        assertEquals("/files", route(tree, "/files"));
        assertEquals("/files/*path path=x", route(tree, "/files/x"));
    }

    @Test
    void deeperCatchAllBeatsShallowerOne() {
        RouteTree<String> tree = tree("/a/*x", "/a/b/*y");
        assertEquals("/a/b/*y y=c/d", route(tree, "/a/b/c/d"));
        assertEquals("/a/b/*y y=", route(tree, "/a/b"));
        assertEquals("/a/*x x=c", route(tree, "/a/c"));
    }

    @Test
    void ancestorCatchAllCatchesWhatFailsDeepBelow() {
        RouteTree<String> tree = tree("/a/*rest", "/a/b/c/d", "/a/:p/c/e");
        assertEquals("/a/b/c/d", route(tree, "/a/b/c/d"));
        assertEquals("/a/:p/c/e p=b", route(tree, "/a/b/c/e"));
        assertEquals("/a/*rest rest=b/c/f", route(tree, "/a/b/c/f"));
    }

    @Test
    void paramCatchAllBeatsShallowerCatchAllOnlyWhenItsParamMatches() {
        RouteTree<String> tree = tree("/*all", "/:x/*rest");
        assertEquals("/:x/*rest x=a rest=b", route(tree, "/a/b"));
        assertEquals("/:x/*rest x=a rest=", route(tree, "/a"));
        assertEquals("/*all all=", route(tree, "/"));
        assertEquals("/*all all=/b", route(tree, "//b"));
    }
}
