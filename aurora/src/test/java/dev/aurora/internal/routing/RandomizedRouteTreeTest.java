package dev.aurora.internal.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The tree against a brute-force reference over random route sets and random paths (fixed seeds, so
 * a failure reproduces). The reference tries every pattern and keeps the one whose segment kinds,
 * read left to right, are smallest with static &lt; param &lt; catch-all (a pattern that ends beats
 * one that goes on with an empty catch-all): the precedence the tree promises, stated without a tree.
 */
class RandomizedRouteTreeTest {
    private static final String[] STATICS = {"a", "b", "c"};
    private static final String[] PATH_SEGMENTS = {"a", "b", "c", "d", "", "x%2Fy", "a%20"};

    /** A pattern as a list of segments, by brute force; null if it does not match. */
    private static List<Integer> kinds(List<String> pattern, List<String> path) {
        List<Integer> kinds = new ArrayList<>();
        for (int k = 0; k < pattern.size(); k++) {
            String segment = pattern.get(k);
            if (segment.startsWith("*")) {
                kinds.add(2);
                return kinds;
            }
            if (k >= path.size()) {
                return null;
            }
            if (segment.startsWith(":")) {
                if (path.get(k).isEmpty()) {
                    return null;
                }
                kinds.add(1);
            } else if (segment.equals(path.get(k))) {
                kinds.add(0);
            } else {
                return null;
            }
        }
        return pattern.size() == path.size() ? kinds : null;
    }

    private static int compare(List<Integer> x, List<Integer> y) {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            if (!x.get(i).equals(y.get(i))) {
                return Integer.compare(x.get(i), y.get(i));
            }
        }
        return Integer.compare(x.size(), y.size());
    }

    private static List<String> segments(String path) {
        return path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
    }

    /** What the reference matches: "pattern name=raw ...", or null. */
    private static String reference(Map<String, List<String>> patterns, String path) {
        List<String> pathSegments = segments(path);
        String best = null;
        List<Integer> bestKinds = null;
        for (Map.Entry<String, List<String>> pattern : patterns.entrySet()) {
            List<Integer> kinds = kinds(pattern.getValue(), pathSegments);
            if (kinds != null && (bestKinds == null || compare(kinds, bestKinds) < 0)) {
                bestKinds = kinds;
                StringBuilder s = new StringBuilder(pattern.getKey());
                List<String> segments = pattern.getValue();
                for (int k = 0; k < segments.size(); k++) {
                    String segment = segments.get(k);
                    if (segment.startsWith(":")) {
                        s.append(' ').append(segment.substring(1)).append('=').append(pathSegments.get(k));
                    } else if (segment.startsWith("*")) {
                        s.append(' ').append(segment.substring(1)).append('=')
                                .append(String.join("/", pathSegments.subList(k, pathSegments.size())));
                    }
                }
                best = s.toString();
            }
        }
        return best;
    }

    /** What the tree matches, in the reference's format (raw parameter bytes). */
    private static String actual(RouteTree<String> tree, RouteMatch match, String path) {
        byte[] b = ("x" + path + " ").getBytes(StandardCharsets.US_ASCII);
        Endpoint<String> endpoint = tree.find(b, 1, path.length(), match);
        if (endpoint == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(endpoint.handler("GET"));
        for (int i = 0; i < match.count(); i++) {
            s.append(' ').append(endpoint.paramName(i)).append('=')
                    .append(new String(b, match.start(i), match.end(i) - match.start(i), StandardCharsets.US_ASCII));
        }
        return s.toString();
    }

    private static String randomPattern(Random random) {
        int depth = random.nextInt(5);
        StringBuilder s = new StringBuilder();
        boolean catchAll = false;
        for (int d = 0; d < depth; d++) {
            int kind = random.nextInt(10);
            s.append('/');
            if (d == depth - 1 && kind == 0) {
                s.append("*c").append(d);
                catchAll = true;
            } else if (kind < 4) {
                s.append(":p").append(d); // one name per position, so routes never conflict on names
            } else {
                s.append(STATICS[random.nextInt(STATICS.length)]);
            }
        }
        if (s.isEmpty()) {
            return "/";
        }
        if (!catchAll && random.nextInt(5) == 0) {
            s.append('/');
        }
        return s.toString();
    }

    private static String randomPath(Random random) {
        int depth = random.nextInt(6);
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            s.append('/').append(PATH_SEGMENTS[random.nextInt(PATH_SEGMENTS.length)]);
        }
        return s.isEmpty() ? "/" : s.toString();
    }

    @Test
    void treeAgreesWithBruteForceReference() {
        for (int seed = 0; seed < 1_000; seed++) {
            Random random = new Random(seed);
            RouteTree.Builder<String> builder = RouteTree.builder();
            Map<String, List<String>> patterns = new LinkedHashMap<>();
            int routes = 1 + random.nextInt(30);
            for (int i = 0; i < routes; i++) {
                String pattern = randomPattern(random);
                PathPattern parsed = PathPattern.parse(pattern, "seed " + seed);
                String normalized = parsed.normalized();
                if (patterns.containsKey(normalized)) {
                    // Same pattern again: a duplicate with either slash form.
                    assertThrows(IllegalStateException.class, () -> builder.add("GET", pattern, normalized, "x"));
                    continue;
                }
                builder.add("GET", pattern, normalized, "seed " + seed);
                patterns.put(normalized, segments(normalized));
            }
            RouteTree<String> tree = builder.build();
            RouteMatch match = tree.newMatch();
            for (int i = 0; i < 200; i++) {
                String path = randomPath(random);
                assertEquals(reference(patterns, path), actual(tree, match, path),
                        "seed " + seed + ", path " + path + ", patterns " + patterns.keySet());
            }
            for (String pattern : patterns.keySet()) {
                // Every registered pattern matches itself, with each parameter spelled by its name.
                String path = pattern.replace(":", "").replace("*", "");
                assertEquals(reference(patterns, path), actual(tree, match, path), "seed " + seed + ", path " + path);
            }
        }
    }
}
