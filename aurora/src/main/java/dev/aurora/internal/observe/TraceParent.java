package dev.aurora.internal.observe;

/**
 * A W3C Trace Context {@code traceparent} header (version {@code 00}):
 * {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}, lowercase hex only. The trace
 * id and the parent id must not be all zeros; version {@code ff} is invalid. A header of a later
 * version is read by its first four fields, as the specification asks, if it is longer and the
 * next character is a {@code -}. Anything else is malformed and treated as absent, silently: a
 * bad header from a client must not fail its request.
 *
 * <p>Aurora starts no spans, so the parent id (the caller's span) is what logs call the span id.
 * Any thread.
 *
 * @param traceId the 32-character trace id
 * @param spanId the 16-character parent (caller's span) id
 * @param flags the trace flags, {@code 01} meaning sampled
 */
public record TraceParent(String traceId, String spanId, int flags) {
    /** The length of a version 00 header. */
    private static final int LENGTH = 55;

    /**
     * @param header the header value, or null
     * @return the trace context it carries, or null when it is absent or malformed
     */
    public static TraceParent parse(String header) {
        if (header == null || header.length() < LENGTH) {
            return null;
        }
        int version = hexByte(header, 0);
        if (version < 0 || version == 0xff || (version == 0 && header.length() != LENGTH)
                || (header.length() > LENGTH && header.charAt(LENGTH) != '-')) {
            return null;
        }
        if (header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-') {
            return null;
        }
        int flags = hexByte(header, 53);
        if (flags < 0 || !nonZeroHex(header, 3, 35) || !nonZeroHex(header, 36, 52)) {
            return null;
        }
        return new TraceParent(header.substring(3, 35), header.substring(36, 52), flags);
    }

    /** Whether {@code [from, to)} is lowercase hex and not all zeros. */
    private static boolean nonZeroHex(String s, int from, int to) {
        boolean nonZero = false;
        for (int i = from; i < to; i++) {
            int digit = hexDigit(s.charAt(i));
            if (digit < 0) {
                return false;
            }
            nonZero |= digit != 0;
        }
        return nonZero;
    }

    private static int hexByte(String s, int at) {
        int high = hexDigit(s.charAt(at));
        int low = hexDigit(s.charAt(at + 1));
        return high < 0 || low < 0 ? -1 : high << 4 | low;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }
}
