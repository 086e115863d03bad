package dev.aurora.internal.http;

/**
 * Percent-decoding of path parameters and query strings on the request's bytes, into a caller's
 * scratch array so that only the final {@code String} is allocated. A malformed escape such as
 * {@code %zz} is kept as written. Stateless; any thread.
 */
public final class PercentDecoding {
    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
    private PercentDecoding() {
    }

    /**
     * @return the index of the first byte in {@code b[start, end)} that decoding would change
     *     ({@code %}, or {@code +} when {@code plusIsSpace}), or {@code end} if there is none
     */
    public static int firstEscape(byte[] b, int start, int end, boolean plusIsSpace) {
        for (int i = start; i < end; i++) {
            byte c = b[i];
            if (c == '%' || (plusIsSpace && c == '+')) {
                return i;
            }
        }
        return end;
    }

    /**
     * Decodes {@code b[start, end)} into {@code out} at {@code off}; decoding only shrinks, so
     * {@code end - start} bytes of room are enough.
     *
     * @return how many bytes were written
     */
    public static int decode(byte[] b, int start, int end, boolean plusIsSpace, byte[] out, int off) {
        int n = off;
        for (int p = start; p < end; p++) {
            byte c = b[p];
            if (c == '%' && Ascii.isPercentEscape(b, p, end)) {
                out[n++] = (byte) (Ascii.hexValue(b[p + 1]) << 4 | Ascii.hexValue(b[p + 2]));
                p += 2;
            } else if (plusIsSpace && c == '+') {
                out[n++] = ' ';
            } else {
                out[n++] = c;
            }
        }
        return n - off;
    }

    /** Whether {@code bytes[off, off+len)} are all ASCII and spell exactly {@code text}. */
    public static boolean asciiEquals(byte[] bytes, int off, int len, String text) {
        if (len != text.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            byte c = bytes[off + i];
            if (c < 0 || c != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code b[off, off+len)} as ASCII text, with every byte of 0x80 and above percent-encoded
     * ({@code %C3%A9}) and the rest kept as it is.
     */
    public static String escapeNonAscii(byte[] b, int off, int len) {
        if (isAscii(b, off, len)) {
            return Ascii.latin1(b, off, len);
        }
        StringBuilder text = new StringBuilder(len + len / 2);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                text.append((char) c);
            } else {
                text.append('%').append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
            }
        }
        return text.toString();
    }

    /** Whether {@code bytes[off, off+len)} are all ASCII. */
    public static boolean isAscii(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }
}
