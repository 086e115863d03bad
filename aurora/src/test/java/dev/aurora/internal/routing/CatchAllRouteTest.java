package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code *name}: the rest of the path, zero or more segments, without the leading slash. */
class CatchAllRouteTest {
    private static final Arena SCRATCH = new Arena(4, 4);

    /** The catch-all's value when {@code pattern} alone is asked for {@code path}, or null on a miss. */
    private static String rest(String pattern, String path) {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", pattern, pattern, "Routes.java:1").build();
        byte[] b = path.getBytes(StandardCharsets.ISO_8859_1);
        RouteMatch match = tree.newMatch();
        Endpoint<String> endpoint = tree.find(b, 0, b.length, match);
        return endpoint == null ? null : match.value(b, match.count() - 1, SCRATCH);
    }

    @Test
    void takesTheRestOfThePathWithoutTheLeadingSlash() {
        assertEquals("a/b/c", rest("/files/*path", "/files/a/b/c"));
        assertEquals("a", rest("/files/*path", "/files/a"));
    }

    @Test
    void matchesNothingWhenThePathEndsAtItsParent() {
        assertEquals("", rest("/files/*path", "/files"));
    }

    @Test
    void matchesATrailingSlashAsEmpty() {
        assertEquals("", rest("/files/*path", "/files/"));
    }

    @Test
    void rootCatchAllMatchesEveryPath() {
        assertEquals("", rest("/*all", "/"));
        assertEquals("x/y", rest("/*all", "/x/y"));
        assertEquals("/x", rest("/*all", "//x"));
    }

    @Test
    void keepsEmptySegmentsAndDecodesEscapes() {
        assertEquals("a//b/c d", rest("/files/*path", "/files/a//b%2Fc%20d"));
    }

    @Test
    void doesNotMatchAPrefixOfTheSegmentBeforeIt() {
        assertNull(rest("/files/*path", "/filesystem/a"));
        assertNull(rest("/files/*path", "/"));
    }

    @Test
    void followsParamsAndCountsAsTheLastParam() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/u/:id/*rest", "r", "Routes.java:1").build();
        byte[] b = "/u/42/x/y".getBytes(StandardCharsets.US_ASCII);
        RouteMatch match = tree.newMatch();
        Endpoint<String> endpoint = tree.find(b, 0, b.length, match);
        assertNotNull(endpoint);
        assertEquals(2, tree.maxParams());
        assertEquals(2, match.count());
        assertEquals("rest", endpoint.paramName(1));
        assertEquals(1, endpoint.paramIndex("rest"));
        assertEquals("42", match.value(b, 0, SCRATCH));
        assertEquals("x/y", match.value(b, 1, SCRATCH));
        assertEquals(b.length, match.end(1));
    }

    @Test
    void emptyValueSitsAtTheEndOfThePath() {
        RouteTree<String> tree = RouteTree.<String>builder().add("GET", "/files/*path", "f", "Routes.java:1").build();
        byte[] b = "GET /files HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        RouteMatch match = tree.newMatch();
        assertNotNull(tree.find(b, 4, 6, match));
        assertEquals(10, match.start(0));
        assertEquals(10, match.end(0));
    }
}
