package dev.aurora.internal.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a request's relative file path into names a file source may look up, or refuses it.
 * The router already answers dot segments with {@code 400}, including encoded ones; this is the
 * second wall, so a path that reaches a file source some other way cannot climb out either.
 */
public final class SafePath {
    private SafePath() {
    }

    /**
     * @param relative the decoded path below the mount point, such as {@code css/site.css}
     * @param dotFiles whether names starting with {@code .} may be served ({@code .well-known}
     *     always may)
     * @return the names, empty for the root itself, or null if the path must not be served
     */
    public static List<String> segments(String relative, boolean dotFiles) {
        List<String> names = new ArrayList<>();
        int start = 0;
        int n = relative.length();
        while (start <= n) {
            int slash = relative.indexOf('/', start);
            int end = slash < 0 ? n : slash;
            if (end > start) {
                String name = relative.substring(start, end);
                if (!acceptable(name, dotFiles)) {
                    return null;
                }
                names.add(name);
            }
            start = end + 1;
        }
        return names;
    }

    private static boolean acceptable(String name, boolean dotFiles) {
        if (name.equals(".") || name.equals("..")) {
            return false;
        }
        if (name.charAt(0) == '.' && !dotFiles && !name.equals(".well-known")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            // Backslash and colon are separators or drive letters on Windows; controls are never names.
            if (c == '\\' || c == ':' || c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
