package dev.aurora.internal.routing;

import dev.aurora.internal.http.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * A route pattern, parsed and validated: {@code /users/:id/files/*path}.
 *
 * <p>Grammar: the pattern starts with {@code '/'}; segments are separated by {@code '/'} and none is
 * empty. A segment is either static (RFC 3986 {@code pchar}s only: unreserved, sub-delims, ':',
 * '@' and well-formed {@code %XX} escapes; not {@code .} or {@code ..}, which requests never carry),
 * a parameter {@code :name} or a catch-all {@code *name}, which must be the last segment. Names are
 * {@code [A-Za-z_][A-Za-z0-9_]*} and unique within a pattern. One trailing {@code '/'} is dropped
 * for matching and remembered in {@link #trailingSlash()}; {@code /} alone is the root.
 *
 * <p>Static segments match the request's raw bytes exactly, so {@code %C3%A9} in a pattern does not
 * match {@code %c3%a9} in a request.
 *
 * <p>Immutable; built at registration on the application's thread.
 */
final class PathPattern {
    private static final boolean[] PCHAR = new boolean[128];

    static {
        for (int c = '0'; c <= '9'; c++) {
            PCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            PCHAR[c] = true;
            PCHAR[c - 32] = true;
        }
        for (char c : "-._~!$&'()*+,;=:@%".toCharArray()) {
            PCHAR[c] = true;
        }
    }

    /** What a segment matches. */
    enum Kind {
        STATIC, PARAM, CATCH_ALL
    }

    /** One segment: its kind and its text (the literal for static segments, else the name). */
    record Segment(Kind kind, String text) {
        @Override
        public String toString() {
            return switch (kind) {
                case STATIC -> text;
                case PARAM -> ":" + text;
                case CATCH_ALL -> "*" + text;
            };
        }
    }

    private final String normalized;
    private final boolean trailingSlash;
    private final List<Segment> segments;
    private final List<String> paramNames;

    private PathPattern(String normalized, boolean trailingSlash, List<Segment> segments, List<String> paramNames) {
        this.normalized = normalized;
        this.trailingSlash = trailingSlash;
        this.segments = segments;
        this.paramNames = paramNames;
    }

    /**
     * Parses {@code pattern}.
     *
     * @param site where the route was registered, named in the error message
     * @throws IllegalArgumentException naming pattern, site and problem when the pattern is malformed
     */
    static PathPattern parse(String pattern, String site) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw malformed(pattern, site, "must start with '/'");
        }
        if (pattern.equals("/")) {
            return new PathPattern("/", false, List.of(), List.of());
        }
        boolean trailingSlash = pattern.endsWith("/");
        String normalized = trailingSlash ? pattern.substring(0, pattern.length() - 1) : pattern;
        List<Segment> segments = new ArrayList<>();
        List<String> names = new ArrayList<>();
        // split(-1) keeps empty segments so that "//" is reported instead of silently collapsed.
        String[] parts = normalized.substring(1).split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw malformed(pattern, site, "empty segment (\"//\")");
            }
            Segment segment;
            if (part.charAt(0) == ':') {
                segment = new Segment(Kind.PARAM, name(part, pattern, site));
            } else if (part.charAt(0) == '*') {
                segment = new Segment(Kind.CATCH_ALL, name(part, pattern, site));
                if (i != parts.length - 1 || trailingSlash) {
                    throw malformed(pattern, site, "catch-all '" + part + "' must be the last segment");
                }
            } else {
                checkStatic(part, pattern, site);
                segment = new Segment(Kind.STATIC, part);
            }
            if (segment.kind() != Kind.STATIC) {
                if (names.contains(segment.text())) {
                    throw malformed(pattern, site, "parameter name '" + segment.text() + "' is used twice");
                }
                names.add(segment.text());
            }
            segments.add(segment);
        }
        return new PathPattern(normalized, trailingSlash, List.copyOf(segments), List.copyOf(names));
    }

    /** The pattern without its trailing slash: {@code /users/} and {@code /users} both give {@code /users}. */
    String normalized() {
        return normalized;
    }

    /** The pattern as written: {@link #normalized()} plus the trailing slash if it had one. */
    String registered() {
        return trailingSlash ? normalized + "/" : normalized;
    }

    boolean trailingSlash() {
        return trailingSlash;
    }

    List<Segment> segments() {
        return segments;
    }

    /** Parameter and catch-all names, in order of appearance. */
    List<String> paramNames() {
        return paramNames;
    }

    private static String name(String segment, String pattern, String site) {
        String name = segment.substring(1);
        if (name.isEmpty()) {
            throw malformed(pattern, site, "'" + segment + "' has no name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                throw malformed(pattern, site, "invalid name '" + name
                        + "' (letters, digits and '_', not starting with a digit)");
            }
        }
        return name;
    }

    private static void checkStatic(String segment, String pattern, String site) {
        if (segment.equals(".") || segment.equals("..")) {
            throw malformed(pattern, site, "dot segment '" + segment + "' can never match a request");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c >= 128 || !PCHAR[c]) {
                throw malformed(pattern, site, "invalid character '" + c + "' in segment '" + segment
                        + "' (percent-encode it)");
            }
            if (c == '%' && !(i + 2 < segment.length()
                    && Ascii.hexValue(segment.charAt(i + 1)) >= 0 && Ascii.hexValue(segment.charAt(i + 2)) >= 0)) {
                throw malformed(pattern, site, "malformed percent escape in segment '" + segment + "'");
            }
        }
    }

    private static IllegalArgumentException malformed(String pattern, String site, String problem) {
        return new IllegalArgumentException("Invalid route pattern '" + pattern + "' (registered at " + site + "): "
                + problem);
    }

    @Override
    public String toString() {
        return registered();
    }
}
