package dev.aurora.internal.conditional;

/**
 * Entity-tags (RFC 9110 section 8.8.3): their syntax, and matching one against the list a client
 * sent in {@code If-Match} or {@code If-None-Match}.
 *
 * <pre>
 * entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE        etagc = %x21 / %x23-7E / obs-text
 * If-Match   = "*" / #entity-tag                    (a comma-separated list, empty members allowed)
 * </pre>
 *
 * A comma is a valid {@code etagc}, so a list is scanned quote to quote, never split on commas.
 * Lists are matched in place, without making a {@code String} per member.
 *
 * <p>Stateless; any thread.
 */
final class EntityTags {
    /** What a list field says about the current entity-tag. */
    enum Match {
        /** A member matches, or the list is {@code *}. */
        MATCH,
        /** No member matches. */
        NONE,
        /** The value is not a list of entity-tags, so it says nothing. */
        MALFORMED
    }

    private EntityTags() {
    }

    /** Whether {@code tag} is one whole entity-tag, weak or strong. */
    static boolean valid(String tag) {
        return tag != null && end(tag, 0) == tag.length();
    }

    static boolean weak(String tag) {
        return tag.startsWith("W/");
    }

    /**
     * Matches {@code current} against every member of the field lines {@code values}.
     *
     * @param current the current entity-tag, or null when the representation has none (then only
     *     {@code *} matches)
     * @param strong strong comparison (both tags strong and equal) rather than weak (equal opaque
     *     tags, weak or not)
     * @param weakenedByServer under strong comparison, also match the weak form of a strong
     *     {@code current}: the server itself weakened it on the way out ({@code Compression}), so
     *     a client that echoes it saw exactly this representation
     */
    static Match match(Iterable<String> values, String current, boolean strong, boolean weakenedByServer) {
        boolean matched = false;
        boolean any = false;
        for (String value : values) {
            int i = skipSeparators(value, 0);
            if (i < value.length() && value.charAt(i) == '*') {
                if (any || skipSeparators(value, i + 1) != value.length()) {
                    return Match.MALFORMED;
                }
                matched = true;
                any = true;
                continue;
            }
            while (i < value.length()) {
                int end = end(value, i);
                if (end < 0) {
                    return Match.MALFORMED;
                }
                int next = skipWhitespace(value, end);
                if (next < value.length() && value.charAt(next) != ',') {
                    return Match.MALFORMED;
                }
                matched |= current != null && equal(value, i, end, current, strong, weakenedByServer);
                any = true;
                i = skipSeparators(value, next);
            }
        }
        return matched ? Match.MATCH : Match.NONE;
    }

    /** RFC 9110 section 8.8.3.2, on the member {@code value[start, end)} and {@code current}. */
    private static boolean equal(String value, int start, int end, String current, boolean strong,
            boolean weakenedByServer) {
        boolean memberWeak = value.startsWith("W/", start);
        boolean currentWeak = weak(current);
        if (strong && (currentWeak || memberWeak && !weakenedByServer)) {
            return false;
        }
        int opaque = memberWeak ? start + 2 : start;
        int currentOpaque = currentWeak ? 2 : 0;
        int length = end - opaque;
        return length == current.length() - currentOpaque && value.regionMatches(opaque, current, currentOpaque, length);
    }

    /** The index just past the entity-tag starting at {@code i}, or -1 if none starts there. */
    private static int end(String s, int i) {
        if (s.startsWith("W/", i)) {
            i += 2;
        }
        if (i >= s.length() || s.charAt(i) != '"') {
            return -1;
        }
        for (i++; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c < 0x21 || c == 0x7F || c > 0xFF) {
                return -1;
            }
        }
        return -1;
    }

    /** Skips commas and whitespace: empty list members are allowed. */
    private static int skipSeparators(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ',' || whitespace(s.charAt(i)))) {
            i++;
        }
        return i;
    }

    private static int skipWhitespace(String s, int i) {
        while (i < s.length() && whitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean whitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
