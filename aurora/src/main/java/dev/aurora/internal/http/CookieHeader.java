package dev.aurora.internal.http;

/**
 * Finds a cookie in a {@code Cookie} header value ({@code a=1; b=2}, RFC 6265 section 4.2) on the
 * raw bytes; a {@code String} is made only for the value returned. Double quotes around a value are
 * removed. Stateless; any thread.
 */
final class CookieHeader {
    private CookieHeader() {
    }

    /** The value of cookie {@code name} in {@code b[start, end)}, or null. */
    public static String find(byte[] b, int start, int end, String name) {
        int i = start;
        while (i < end) {
            while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == ';')) {
                i++;
            }
            int pairEnd = i;
            while (pairEnd < end && b[pairEnd] != ';') {
                pairEnd++;
            }
            int eq = i;
            while (eq < pairEnd && b[eq] != '=') {
                eq++;
            }
            int nameEnd = Ascii.trimOwsEnd(b, i, eq);
            if (eq < pairEnd && sameName(b, i, nameEnd - i, name)) {
                int vs = Ascii.skipOws(b, eq + 1, pairEnd);
                int ve = Ascii.trimOwsEnd(b, vs, pairEnd);
                if (ve - vs >= 2 && b[vs] == '"' && b[ve - 1] == '"') {
                    vs++;
                    ve--;
                }
                return Ascii.latin1(b, vs, ve - vs);
            }
            i = pairEnd + 1;
        }
        return null;
    }

    /** Cookie names are case-sensitive. */
    private static boolean sameName(byte[] b, int at, int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (b[at + k] != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
