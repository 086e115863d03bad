package dev.aurora.internal.files;

/**
 * One byte range of a representation, from a {@code Range: bytes=...} header (RFC 9110 section
 * 14.1.2): {@code first-last}, {@code first-} or the suffix {@code -length}.
 *
 * @param first the first byte's offset
 * @param last the last byte's offset, inclusive
 */
record ByteRange(long first, long last) {
    /** What {@link #parse} found: a range, none worth honouring, or one that cannot be satisfied. */
    public sealed interface Result permits Satisfiable, Ignore, Unsatisfiable {
    }

    /** @param range the range to send */
    public record Satisfiable(ByteRange range) implements Result {
    }

    /** Serve the whole representation: no {@code Range}, a malformed one, or several ranges. */
    public record Ignore() implements Result {
    }

    /** Answer {@code 416}: a well-formed range that starts past the end. */
    public record Unsatisfiable() implements Result {
    }

    private static final Ignore IGNORE = new Ignore();
    private static final Unsatisfiable UNSATISFIABLE = new Unsatisfiable();

    /** @return the number of bytes in the range */
    public long length() {
        return last - first + 1;
    }

    /**
     * Reads a {@code Range} header against a representation of {@code size} bytes. A malformed
     * header is ignored, as the RFC allows; so are several ranges, which would need a multipart
     * answer that static files do not warrant.
     */
    public static Result parse(String header, long size) {
        if (header == null || !header.regionMatches(true, 0, "bytes=", 0, 6)) {
            return IGNORE;
        }
        String spec = header.substring(6).strip();
        if (spec.isEmpty() || spec.indexOf(',') >= 0) {
            return IGNORE;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return IGNORE;
        }
        long first = number(spec, 0, dash);
        long last = number(spec, dash + 1, spec.length());
        if (dash == 0) {
            // A suffix: the last N bytes.
            if (last <= 0) {
                return last == 0 ? UNSATISFIABLE : IGNORE;
            }
            return size == 0 ? UNSATISFIABLE : new Satisfiable(new ByteRange(Math.max(0, size - last), size - 1));
        }
        if (first < 0 || dash + 1 < spec.length() && (last < 0 || last < first)) {
            return IGNORE;
        }
        if (first >= size) {
            return UNSATISFIABLE;
        }
        long end = dash + 1 == spec.length() ? size - 1 : Math.min(last, size - 1);
        return new Satisfiable(new ByteRange(first, end));
    }

    /** @return the digits between from and to as a number, or -1 if there are none or anything else */
    private static long number(String s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
