package dev.aurora.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Looks up parameters in an {@code application/x-www-form-urlencoded} query ({@code a=1&b=x+y}),
 * decoding percent-escapes as UTF-8 and {@code +} as space. Works on the raw bytes; a
 * {@code String} is made only for the value returned. Stateless; any thread.
 */
public final class QueryString {
    private QueryString() {
    }

    /** The first decoded value of {@code name} in {@code b[start, start+length)}, or null. */
    public static String first(byte[] b, int start, int length, String name) {
        return scan(b, start, length, name, null);
    }

    /** Every decoded value of {@code name}, in order; empty if absent. */
    public static java.util.List<String> all(byte[] b, int start, int length, String name) {
        java.util.List<String> values = new java.util.ArrayList<>(2);
        scan(b, start, length, name, values);
        return values;
    }

    /** Walks the pairs; returns the first match, or collects every match into {@code into} if given. */
    private static String scan(byte[] b, int start, int length, String name, java.util.List<String> into) {
        int end = start + length;
        int i = start;
        while (i < end) {
            int pairEnd = i;
            while (pairEnd < end && b[pairEnd] != '&') {
                pairEnd++;
            }
            int eq = i;
            while (eq < pairEnd && b[eq] != '=') {
                eq++;
            }
            if (eq > i && decode(b, i, eq).equals(name)) {
                String value = eq < pairEnd ? decode(b, eq + 1, pairEnd) : "";
                if (into == null) {
                    return value;
                }
                into.add(value);
            }
            i = pairEnd + 1;
        }
        return null;
    }

    /** Decodes {@code %XX} and {@code +}; a malformed escape is kept literally. */
    public static String decode(byte[] b, int start, int end) {
        boolean plain = true;
        for (int i = start; i < end; i++) {
            if (b[i] == '%' || b[i] == '+' || b[i] < 0) {
                plain = false;
                break;
            }
        }
        if (plain) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end - start);
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '+') {
                out.write(' ');
            } else if (c == '%' && Ascii.isPercentEscape(b, i, end)) {
                out.write(Ascii.hexValue(b[i + 1]) << 4 | Ascii.hexValue(b[i + 2]));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
