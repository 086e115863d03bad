package dev.aurora.internal.http;

/**
 * Byte classification tables for the HTTP/1.1 grammar (RFC 9110 section 5.6.2, RFC 3986), so the
 * parsers can test a byte with one array load. Stateless; any thread.
 */
public final class Ascii {
    public static final byte CR = '\r';
    public static final byte LF = '\n';
    public static final byte SP = ' ';
    public static final byte HTAB = '\t';
    /** The length of the CRLF that ends every line of a head and of a chunked body's framing. */
    public static final int CRLF_LENGTH = 2;

    private static final boolean[] TCHAR = new boolean[256];
    private static final boolean[] FIELD_VCHAR = new boolean[256];
    private static final boolean[] TARGET_CHAR = new boolean[256];
    private static final boolean[] LENIENT_TARGET_CHAR = new boolean[256];
    private static final boolean[] REG_NAME_CHAR = new boolean[256];
    private static final byte[] HEX_VALUE = new byte[256];

    static {
        for (int c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
        // field-value: VCHAR / obs-text / SP / HTAB; every control (incl. NUL, CR, DEL) is refused.
        for (int c = 0x21; c <= 0x7E; c++) {
            FIELD_VCHAR[c] = true;
        }
        for (int c = 0x80; c <= 0xFF; c++) {
            FIELD_VCHAR[c] = true;
        }
        FIELD_VCHAR[SP] = true;
        FIELD_VCHAR[HTAB] = true;
        // request-target: unreserved / pct-encoded / sub-delims / ":" / "@" / "/" / "?".
        for (int c = '0'; c <= '9'; c++) {
            TARGET_CHAR[c] = true;
        }
        for (int c = 'a'; c <= 'z'; c++) {
            TARGET_CHAR[c] = true;
            TARGET_CHAR[c - 32] = true;
        }
        for (char c : "-._~%!$&'()*+,;=:@/?".toCharArray()) {
            TARGET_CHAR[c] = true;
        }
        // Lenient request-target: also what browsers leave unencoded, and UTF-8; never a control,
        // space or '#', which could shift the request line's framing or cut the target short.
        System.arraycopy(TARGET_CHAR, 0, LENIENT_TARGET_CHAR, 0, 256);
        for (char c : "\"<>[\\]^`{|}".toCharArray()) {
            LENIENT_TARGET_CHAR[c] = true;
        }
        for (int c = 0x80; c <= 0xFF; c++) {
            LENIENT_TARGET_CHAR[c] = true;
        }
        // reg-name: unreserved / pct-encoded / sub-delims.
        System.arraycopy(TARGET_CHAR, 0, REG_NAME_CHAR, 0, 256);
        REG_NAME_CHAR[':'] = false;
        REG_NAME_CHAR['@'] = false;
        REG_NAME_CHAR['/'] = false;
        REG_NAME_CHAR['?'] = false;
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX_VALUE[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX_VALUE[c] = (byte) (c - 'a' + 10);
            HEX_VALUE[c - 32] = (byte) (c - 'a' + 10);
        }
    }

    private Ascii() {
    }

    public static boolean isTchar(int b) {
        return TCHAR[b & 0xFF];
    }

    public static boolean isFieldChar(int b) {
        return FIELD_VCHAR[b & 0xFF];
    }

    /**
     * The table of bytes a request target may hold, indexed by {@code b & 0xFF}: RFC 3986's only
     * when {@code strict}, else also {@code " < > [ \ ] ^ ` { | }} and 0x80-0xFF. Shared; never
     * written after class initialisation.
     */
    static boolean[] targetChars(boolean strict) {
        return strict ? TARGET_CHAR : LENIENT_TARGET_CHAR;
    }

    public static boolean isRegNameChar(int b) {
        return REG_NAME_CHAR[b & 0xFF];
    }

    /** Whether {@code b} is optional whitespace (RFC 9110 section 5.6.3: SP or HTAB). */
    public static boolean isOws(int b) {
        return b == SP || b == HTAB;
    }

    /** The first index in {@code [from, end)} that is not optional whitespace, or {@code end}. */
    public static int skipOws(byte[] b, int from, int end) {
        int i = from;
        while (i < end && isOws(b[i])) {
            i++;
        }
        return i;
    }

    /** The end of {@code [start, end)} with trailing optional whitespace removed. */
    public static int trimOwsEnd(byte[] b, int start, int end) {
        int e = end;
        while (e > start && isOws(b[e - 1])) {
            e--;
        }
        return e;
    }

    public static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    /** Value of a hex digit, or -1. */
    public static int hexValue(int b) {
        return HEX_VALUE[b & 0xFF];
    }

    /** Whether {@code b[i]} starts a well-formed {@code %XX} escape that ends before {@code end}. */
    public static boolean isPercentEscape(byte[] b, int i, int end) {
        return i + 2 < end && hexValue(b[i + 1]) >= 0 && hexValue(b[i + 2]) >= 0;
    }

    public static int toLower(int b) {
        return (b >= 'A' && b <= 'Z') ? b + 32 : b;
    }

    /** Case-insensitive compare of {@code len} bytes at {@code off} with a lower-case ASCII constant. */
    public static boolean equalsLower(byte[] buf, int off, int len, byte[] lower) {
        if (len != lower.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (toLower(buf[off + i]) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive compare of bytes with an ASCII string, without allocating. */
    public static boolean equalsIgnoreCase(byte[] buf, int off, int len, String s) {
        if (len != s.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c > 0x7F || toLower(buf[off + i]) != toLower(c)) {
                return false;
            }
        }
        return true;
    }

    /** Bytes as ISO-8859-1 text: every byte maps to one char, so obs-text survives unchanged. */
    public static String latin1(byte[] buf, int off, int len) {
        return new String(buf, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    public static byte[] bytes(String ascii) {
        return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
