package dev.aurora.internal.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses IP address literals, and only literals: {@code InetAddress.getByName} would resolve a
 * host name through DNS, which a header value must never trigger.
 */
final class IpLiteral {
    private IpLiteral() {
    }

    /** @return the address, or null if {@code text} is not an IPv4 or IPv6 literal */
    public static InetAddress parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) {
            return null;
        }
        if (text.indexOf(':') >= 0) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean ok = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':' || c == '.';
                if (!ok) {
                    return null;
                }
            }
            try {
                // With a colon and only these characters, the JDK parses a literal and never looks it up.
                return InetAddress.getByName(text);
            } catch (UnknownHostException e) {
                return null;
            }
        }
        byte[] v4 = ipv4(text);
        try {
            return v4 == null ? null : InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Strict dotted quad: four decimal numbers 0-255 without leading zeros. */
    private static byte[] ipv4(String text) {
        byte[] out = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '.' : text.charAt(i);
            if (c == '.') {
                if (value < 0 || part > 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else if (c >= '0' && c <= '9') {
                if (digits > 0 && value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else {
                return null;
            }
        }
        return part == 4 ? out : null;
    }
}
