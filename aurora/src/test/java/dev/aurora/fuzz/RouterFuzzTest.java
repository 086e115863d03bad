package dev.aurora.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.aurora.internal.mem.Arena;
import dev.aurora.internal.routing.Endpoint;
import dev.aurora.internal.routing.RouteMatch;
import dev.aurora.internal.routing.RouteTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The route tree on arbitrary raw paths, at an arbitrary offset of a larger buffer (as in the
 * connection's input buffer). A lookup never throws; its result is the route a brute-force reading
 * of the documented precedence (static before parameter before catch-all, left to right) picks;
 * and every captured parameter is a slice of the path: non-empty and without '/' for a
 * {@code :param}, the rest of the path for a {@code *catchAll}.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RouterFuzzTest {
    /** Static, parameter and catch-all routes, overlapping on purpose so that backtracking is needed. */
    private static final List<String> PATTERNS = List.of(
            "/",
            "/health",
            "/users",
            "/users/me",
            "/users/:id",
            "/users/:id/posts/:post",
            "/users/:id/files/*path",
            "/files/*path",
            "/a/b/d",
            "/a/:x/d/e",
            "/a/*rest",
            "/caf%C3%A9/menu",
            "/docs/",
            "/v1/:tenant/items/:item",
            "/v1/:tenant/*rest",
            "/:lang/about");
    private static final RouteTree<String> TREE = build();

    private static RouteTree<String> build() {
        RouteTree.Builder<String> builder = RouteTree.builder();
        for (String pattern : PATTERNS) {
            builder.add("GET", pattern, pattern, "RouterFuzzTest");
        }
        return builder.build();
    }

    @FuzzTest
    void matchPath(FuzzedDataProvider data) {
        int before = data.consumeInt(0, 8);
        int after = data.consumeInt(0, 8);
        byte[] path = data.consumeRemainingAsBytes();
        // The path sits inside a larger buffer whose other bytes must not matter.
        byte[] buffer = new byte[before + path.length + after];
        Arrays.fill(buffer, (byte) '/');
        System.arraycopy(path, 0, buffer, before, path.length);

        RouteMatch match = TREE.newMatch();
        Endpoint<String> found = TREE.find(buffer, before, path.length, match);
        Expected expected = reference(Wire.latin1(path, 0, path.length));
        if (expected == null) {
            assertNull(found, () -> "matched " + found + ", but no pattern fits");
            return;
        }
        assertNotNull(found, () -> "no match, expected " + expected.pattern);
        assertEquals(expected.pattern, found.registeredPattern(), "precedence");
        assertEquals(found.paramCount(), match.count());
        Arena scratch = new Arena(8, 64);
        int end = before + path.length;
        for (int i = 0; i < match.count(); i++) {
            int start = match.start(i);
            int stop = match.end(i);
            assertTrue(before <= start && start <= stop && stop <= end, "capture outside the path");
            String raw = Wire.latin1(buffer, start, stop - start);
            assertEquals(expected.captures.get(i), raw, "capture of " + found.paramName(i));
            if (found.catchAll() && i == match.count() - 1) {
                assertEquals(end, stop, "catch-all must take the rest of the path");
            } else {
                assertTrue(!raw.isEmpty() && raw.indexOf('/') < 0, "parameter spans segments: " + raw);
            }
            assertNotNull(match.value(buffer, i, scratch));
        }
    }

    private record Expected(String pattern, List<String> captures) {
    }

    /**
     * Brute force: every pattern that fits the path, compared by segment kinds left to right
     * (0 static, 1 parameter, 2 catch-all; a pattern that ends sorts before one that goes on).
     */
    private static Expected reference(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        List<String> segments = path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
        Expected best = null;
        List<Integer> bestKinds = null;
        for (String pattern : PATTERNS) {
            String normalized = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(0, pattern.length() - 1)
                    : pattern;
            List<String> parts = normalized.equals("/") ? List.of() : Arrays.asList(normalized.substring(1).split("/"));
            List<Integer> kinds = new ArrayList<>();
            List<String> captures = new ArrayList<>();
            if (!fits(parts, segments, kinds, captures)) {
                continue;
            }
            if (bestKinds == null || compare(kinds, bestKinds) < 0) {
                bestKinds = kinds;
                best = new Expected(pattern, captures);
            }
        }
        return best;
    }

    private static boolean fits(List<String> parts, List<String> segments, List<Integer> kinds, List<String> captures) {
        for (int k = 0; k < parts.size(); k++) {
            String part = parts.get(k);
            if (part.startsWith("*")) {
                kinds.add(2);
                captures.add(String.join("/", segments.subList(Math.min(k, segments.size()), segments.size())));
                return true;
            }
            if (k >= segments.size()) {
                return false;
            }
            String segment = segments.get(k);
            if (part.startsWith(":")) {
                if (segment.isEmpty()) {
                    return false;
                }
                kinds.add(1);
                captures.add(segment);
            } else if (part.equals(segment)) {
                kinds.add(0);
            } else {
                return false;
            }
        }
        return parts.size() == segments.size();
    }

    private static int compare(List<Integer> x, List<Integer> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = Integer.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    }
}
