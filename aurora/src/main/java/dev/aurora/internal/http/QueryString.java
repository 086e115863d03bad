package dev.aurora.internal.http;

import dev.aurora.internal.mem.Arena;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks up parameters in an {@code application/x-www-form-urlencoded} query ({@code a=1&b=x+y}),
 * decoding percent-escapes as UTF-8 and {@code +} as space. Works on the raw bytes: names are
 * compared without making Strings, escapes are decoded into the request's scratch arena, and a
 * {@code String} is made only for a value returned. Stateless; any thread.
 */
public final class QueryString {
    private QueryString() {
    }

    /** The first decoded value of {@code name} in {@code b[start, start+length)}, or null. */
    public static String first(byte[] b, int start, int length, String name, Arena scratch) {
        return scan(b, start, length, name, scratch, null);
    }

    /** Every decoded value of {@code name}, in order; empty if absent. */
    public static List<String> all(byte[] b, int start, int length, String name, Arena scratch) {
        List<String> values = new ArrayList<>(2);
        scan(b, start, length, name, scratch, values);
        return values;
    }

    /** Walks the pairs; returns the first match, or collects every match into {@code into} if given. */
    private static String scan(byte[] b, int start, int length, String name, Arena scratch, List<String> into) {
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
            if (eq > i && nameEquals(b, i, eq, name, scratch)) {
                String value = eq < pairEnd ? decode(b, eq + 1, pairEnd, scratch) : "";
                if (into == null) {
                    return value;
                }
                into.add(value);
            }
            i = pairEnd + 1;
        }
        return null;
    }

    private static boolean nameEquals(byte[] b, int start, int end, String name, Arena scratch) {
        if (PercentDecoding.firstEscape(b, start, end, true) == end && PercentDecoding.isAscii(b, start, end - start)) {
            return PercentDecoding.asciiEquals(b, start, end - start, name);
        }
        int off = scratch.allocateBytes(end - start);
        byte[] out = scratch.bytes();
        int n = PercentDecoding.decode(b, start, end, true, out, off);
        return PercentDecoding.isAscii(out, off, n)
                ? PercentDecoding.asciiEquals(out, off, n, name)
                : new String(out, off, n, StandardCharsets.UTF_8).equals(name);
    }

    /** Decodes {@code %XX} and {@code +}; a malformed escape is kept literally. */
    public static String decode(byte[] b, int start, int end, Arena scratch) {
        if (PercentDecoding.firstEscape(b, start, end, true) == end && PercentDecoding.isAscii(b, start, end - start)) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        int off = scratch.allocateBytes(end - start);
        byte[] out = scratch.bytes();
        int n = PercentDecoding.decode(b, start, end, true, out, off);
        return new String(out, off, n, StandardCharsets.UTF_8);
    }
}
