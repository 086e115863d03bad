package dev.aurora.internal.http;

/**
 * Syntax of {@code uri-host [ ":" port ]} (RFC 3986 section 3.2.2), for the Host field and
 * absolute-form authorities. Userinfo is refused. Stateless; any thread.
 */
public final class HostSyntax {
    private static final int MAX_PORT_DIGITS = 5;
    /** The longest host name DNS can carry (RFC 1035 section 2.3.4), with a port allowed beside it. */
    private static final int MAX_HOST_LENGTH = 255;

    private HostSyntax() {
    }

    /** Whether {@code host} is a non-empty host with optional port, such as {@code example.com:8443}. */
    public static boolean isValid(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        byte[] bytes = new byte[host.length()];
        for (int i = 0; i < bytes.length; i++) {
            char c = host.charAt(i);
            if (c > 0x7F) {
                return false;
            }
            bytes[i] = (byte) c;
        }
        return isValid(bytes, 0, bytes.length);
    }

    /** Whether {@code b[start, end)} is a valid host with optional port; empty is valid (RFC 9112 3.2). */
    static boolean isValid(byte[] b, int start, int end) {
        int i = start;
        if (i < end && b[i] == '[') {
            i++;
            int literalStart = i;
            while (i < end && b[i] != ']') {
                byte c = b[i];
                if (Ascii.hexValue(c) < 0 && c != ':' && c != '.') {
                    return false;
                }
                i++;
            }
            if (i == end || i == literalStart) {
                return false;
            }
            i++;
        } else {
            while (i < end && b[i] != ':') {
                byte c = b[i];
                if (!Ascii.isRegNameChar(c)) {
                    return false;
                }
                if (c == '%' && !Ascii.isPercentEscape(b, i, end)) {
                    return false;
                }
                i++;
            }
        }
        if (i == end) {
            return true;
        }
        if (b[i] != ':') {
            return false;
        }
        int digits = end - i - 1;
        if (digits > MAX_PORT_DIGITS) {
            return false;
        }
        for (int p = i + 1; p < end; p++) {
            if (!Ascii.isDigit(b[p])) {
                return false;
            }
        }
        return true;
    }
}
