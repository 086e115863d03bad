package dev.aurora.internal.http;

import java.util.List;

/**
 * Picks the response content coding from a request's {@code Accept-Encoding} fields (RFC 9110
 * 12.5.3), among the two the server can produce: {@code gzip} and {@code deflate}.
 *
 * <p>A coding's weight is its own entry's {@code q}, else the {@code *} entry's, else 0 (not
 * acceptable); {@code q=0} refuses. The heavier of gzip and deflate wins, gzip on a tie. Identity
 * (no coding) wins only when the client listed it, or {@code *}, with a strictly greater weight
 * than the best coding; without the header, or with nothing acceptable beyond identity, nothing is
 * compressed. Entries that do not parse are ignored. Codings and parameters are case-insensitive.
 *
 * <p>Pure functions; any thread.
 */
public final class AcceptEncoding {
    /** No content coding. */
    public static final int IDENTITY = 0;
    /** {@code gzip} (RFC 1952). */
    public static final int GZIP = 1;
    /** {@code deflate}: the zlib format (RFC 1950) around deflate data. */
    public static final int DEFLATE = 2;

    /** Weights in thousandths, so {@code q=0.001} compares exactly. */
    private static final int UNLISTED = -1;

    private AcceptEncoding() {
    }

    /** The coding for the request's {@code Accept-Encoding} field values (empty: none sent). */
    public static int negotiate(List<String> fields) {
        if (fields.isEmpty()) {
            return IDENTITY;
        }
        Weights w = new Weights();
        for (String field : fields) {
            w.parse(field);
        }
        return w.choose();
    }

    /** The coding for one {@code Accept-Encoding} value; null means the header was absent. */
    public static int negotiate(String field) {
        return field == null ? IDENTITY : negotiate(List.of(field));
    }

    /** The token of a coding, as sent in {@code Content-Encoding}. */
    public static String token(int coding) {
        return switch (coding) {
            case GZIP -> "gzip";
            case DEFLATE -> "deflate";
            default -> "identity";
        };
    }

    private static final class Weights {
        int gzip = UNLISTED;
        int deflate = UNLISTED;
        int identity = UNLISTED;
        int any = UNLISTED;

        void parse(String field) {
            int i = 0;
            int n = field.length();
            while (i < n) {
                int end = field.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                entry(field, i, end);
                i = end + 1;
            }
        }

        private void entry(String s, int from, int to) {
            int semi = s.indexOf(';', from);
            int nameEnd = semi < 0 || semi > to ? to : semi;
            int start = skipSpace(s, from, nameEnd);
            int end = trimEnd(s, start, nameEnd);
            if (start == end) {
                return;
            }
            int q = nameEnd == to ? 1000 : weight(s, nameEnd + 1, to);
            if (q < 0) {
                return;
            }
            if (is(s, start, end, "gzip") || is(s, start, end, "x-gzip")) {
                gzip = Math.max(gzip, q);
            } else if (is(s, start, end, "deflate")) {
                deflate = Math.max(deflate, q);
            } else if (is(s, start, end, "identity")) {
                identity = Math.max(identity, q);
            } else if (is(s, start, end, "*")) {
                any = Math.max(any, q);
            }
        }

        /** The {@code q} of the parameters in {@code s[from, to)}: 0-1000, or -1 if malformed. */
        private static int weight(String s, int from, int to) {
            int q = 1000;
            int i = from;
            while (i < to) {
                int semi = s.indexOf(';', i);
                int end = semi < 0 || semi > to ? to : semi;
                int start = skipSpace(s, i, end);
                int stop = trimEnd(s, start, end);
                if (stop - start >= 2 && (s.charAt(start) | 0x20) == 'q' && s.charAt(start + 1) == '=') {
                    q = qvalue(s, start + 2, stop);
                    if (q < 0) {
                        return -1;
                    }
                }
                i = end + 1;
            }
            return q;
        }

        /** RFC 9110 {@code qvalue}: {@code 0[.ddd]} or {@code 1[.000]}, as thousandths; -1 if not one. */
        private static int qvalue(String s, int from, int to) {
            if (from >= to || (s.charAt(from) != '0' && s.charAt(from) != '1')) {
                return -1;
            }
            int whole = s.charAt(from) - '0';
            if (from + 1 == to) {
                return whole * 1000;
            }
            if (s.charAt(from + 1) != '.' || to - from - 2 > 3) {
                return -1;
            }
            int milli = 0;
            int scale = 100;
            for (int i = from + 2; i < to; i++, scale /= 10) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') {
                    return -1;
                }
                milli += (c - '0') * scale;
            }
            return whole == 1 && milli > 0 ? -1 : whole * 1000 + milli;
        }

        int choose() {
            int g = gzip != UNLISTED ? gzip : Math.max(any, 0);
            int d = deflate != UNLISTED ? deflate : Math.max(any, 0);
            int best = Math.max(g, d);
            if (best == 0) {
                return IDENTITY;
            }
            int id = identity != UNLISTED ? identity : any;
            if (id > best) {
                return IDENTITY;
            }
            return g >= d ? GZIP : DEFLATE;
        }

        private static boolean is(String s, int start, int end, String token) {
            return end - start == token.length() && s.regionMatches(true, start, token, 0, token.length());
        }

        private static int skipSpace(String s, int i, int end) {
            while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            return i;
        }

        private static int trimEnd(String s, int start, int end) {
            while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
                end--;
            }
            return end;
        }
    }
}
