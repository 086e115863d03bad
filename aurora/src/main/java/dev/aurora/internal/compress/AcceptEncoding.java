package dev.aurora.internal.compress;

import dev.aurora.internal.http.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Picks the response content coding from a request's {@code Accept-Encoding} fields (RFC 9110
 * 12.5.3), among the two the server can produce: {@code gzip} and {@code deflate}.
 *
 * <p>A coding's weight is its own entry's {@code q}, else the {@code *} entry's, else 0 (not
 * acceptable); {@code q=0} refuses. The heavier of gzip and deflate wins, gzip on a tie. Identity
 * (no coding) wins only when the client listed it, or {@code *}, with a strictly greater weight
 * than the best coding; without the header, or with nothing acceptable beyond identity, nothing is
 * compressed. A coding listed twice counts with its greater weight. Entries that do not parse are
 * ignored. Codings and parameters are case-insensitive.
 *
 * <p>Works on the request's bytes, so negotiating allocates nothing: the weights seen so far travel
 * between fields packed in one {@code long} ({@link #NOTHING_LISTED}, {@link #parse},
 * {@link #choose}), 11 bits per name, holding the weight in thousandths plus one (0: not listed).
 *
 * <p>Pure functions; any thread.
 */
final class AcceptEncoding {
    /** No content coding. */
    public static final int IDENTITY = 0;
    /** {@code gzip} (RFC 1952). */
    public static final int GZIP = 1;
    /** {@code deflate}: the zlib format (RFC 1950) around deflate data. */
    public static final int DEFLATE = 2;
    /** The packed weights before any field was read. */
    public static final long NOTHING_LISTED = 0;

    private static final int SLOT_IDENTITY = 0;
    private static final int SLOT_GZIP = 1;
    private static final int SLOT_DEFLATE = 2;
    private static final int SLOT_ANY = 3;
    private static final int BITS = 11;
    private static final int MASK = (1 << BITS) - 1;

    private AcceptEncoding() {
    }

    /** The coding for these {@code Accept-Encoding} field values (none: the header was absent). */
    public static int negotiate(List<String> fields) {
        if (fields.isEmpty()) {
            return IDENTITY;
        }
        long weights = NOTHING_LISTED;
        for (String field : fields) {
            byte[] b = field.getBytes(StandardCharsets.ISO_8859_1);
            weights = parse(weights, b, 0, b.length);
        }
        return choose(weights);
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

    /**
     * Adds the entries of one field value, {@code b[from, to)}, to the packed weights.
     *
     * @return the weights with this field's entries
     */
    public static long parse(long weights, byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int end = indexOf(b, i, to, ',');
            weights = entry(weights, b, i, end);
            i = end + 1;
        }
        return weights;
    }

    /** The coding the packed weights of every field choose. */
    public static int choose(long weights) {
        int any = weight(weights, SLOT_ANY);
        int gzip = listed(weights, SLOT_GZIP) ? weight(weights, SLOT_GZIP) : Math.max(any, 0);
        int deflate = listed(weights, SLOT_DEFLATE) ? weight(weights, SLOT_DEFLATE) : Math.max(any, 0);
        int best = Math.max(gzip, deflate);
        if (best <= 0) {
            return IDENTITY;
        }
        int identity = listed(weights, SLOT_IDENTITY) ? weight(weights, SLOT_IDENTITY) : any;
        if (identity > best) {
            return IDENTITY;
        }
        return gzip >= deflate ? GZIP : DEFLATE;
    }

    private static boolean listed(long weights, int slot) {
        return ((weights >>> (slot * BITS)) & MASK) != 0;
    }

    /** The weight in a slot, in thousandths; -1 when not listed. */
    private static int weight(long weights, int slot) {
        return (int) ((weights >>> (slot * BITS)) & MASK) - 1;
    }

    private static long entry(long weights, byte[] b, int from, int to) {
        int nameEnd = indexOf(b, from, to, ';');
        int start = Ascii.skipOws(b, from, nameEnd);
        int end = Ascii.trimOwsEnd(b, start, nameEnd);
        if (start == end) {
            return weights;
        }
        int slot;
        int length = end - start;
        if (Ascii.equalsIgnoreCase(b, start, length, "gzip") || Ascii.equalsIgnoreCase(b, start, length, "x-gzip")) {
            slot = SLOT_GZIP;
        } else if (Ascii.equalsIgnoreCase(b, start, length, "deflate")) {
            slot = SLOT_DEFLATE;
        } else if (Ascii.equalsIgnoreCase(b, start, length, "identity")) {
            slot = SLOT_IDENTITY;
        } else if (length == 1 && b[start] == '*') {
            slot = SLOT_ANY;
        } else {
            return weights;
        }
        int q = nameEnd == to ? 1000 : parameters(b, nameEnd + 1, to);
        if (q < 0 || q <= weight(weights, slot)) {
            return weights;
        }
        int shift = slot * BITS;
        return (weights & ~((long) MASK << shift)) | ((long) (q + 1) << shift);
    }

    /** The {@code q} among the parameters in {@code b[from, to)}: 0-1000, or -1 if malformed. */
    private static int parameters(byte[] b, int from, int to) {
        int q = 1000;
        int i = from;
        while (i < to) {
            int end = indexOf(b, i, to, ';');
            int start = Ascii.skipOws(b, i, end);
            int stop = Ascii.trimOwsEnd(b, start, end);
            if (stop - start >= 2 && (b[start] | 0x20) == 'q' && b[start + 1] == '=') {
                q = qvalue(b, start + 2, stop);
                if (q < 0) {
                    return -1;
                }
            }
            i = end + 1;
        }
        return q;
    }

    /** RFC 9110 {@code qvalue}: {@code 0[.ddd]} or {@code 1[.000]}, as thousandths; -1 if not one. */
    private static int qvalue(byte[] b, int from, int to) {
        if (from >= to || (b[from] != '0' && b[from] != '1')) {
            return -1;
        }
        int whole = b[from] - '0';
        if (from + 1 == to) {
            return whole * 1000;
        }
        if (b[from + 1] != '.' || to - from - 2 > 3) {
            return -1;
        }
        int milli = 0;
        int scale = 100;
        for (int i = from + 2; i < to; i++, scale /= 10) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            milli += (b[i] - '0') * scale;
        }
        return whole == 1 && milli > 0 ? -1 : whole * 1000 + milli;
    }

    private static int indexOf(byte[] b, int from, int to, char c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return to;
    }

}
