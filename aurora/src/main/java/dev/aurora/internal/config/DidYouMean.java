package dev.aurora.internal.config;

import java.util.Collection;

/** Suggests the known name closest to a misspelt one, if any is close enough to be a typo. */
final class DidYouMean {
    private DidYouMean() {
    }

    /**
     * @return the closest candidate, compared ignoring case, {@code _}, {@code -} and {@code .}; null when
     *     none is within a third of the name's length in edits (at least one edit) or starts
     *     with the name
     */
    static String closest(String name, Collection<String> candidates) {
        String target = comparable(name);
        String best = null;
        int bestDistance = Math.max(1, target.length() / 3) + 1;
        for (String candidate : candidates) {
            int distance = distance(target, comparable(candidate));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        if (best == null && target.length() >= 4) {
            // A shortened name ("keepAlive" for "keepAliveTimeout") is far in edits but plainly meant.
            for (String candidate : candidates) {
                if (comparable(candidate).startsWith(target)) {
                    return candidate;
                }
            }
        }
        return best;
    }

    /** Nested keys compare without their dots, so {@code TLS_CERT_FILE} finds {@code tls.certFile}. */
    private static String comparable(String name) {
        return Shape.normalize(name).replace(".", "");
    }

    /** @return " (did you mean x?)", or "" without a suggestion */
    static String hint(String name, Collection<String> candidates) {
        String closest = closest(name, candidates);
        return closest == null ? "" : " (did you mean " + closest + "?)";
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("prot"/"port"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
