package dev.aurora.fuzz;

import dev.aurora.ServerConfig;
import dev.aurora.internal.http.ByteSource;
import dev.aurora.internal.http.InputBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Shared plumbing of the fuzz targets: an in-memory byte source that hands out its bytes in pieces
 * (so the parsers see heads and chunks split at every possible point, as over a real socket), and
 * the RFC character classes the targets check results against, written out here rather than taken
 * from {@code Ascii}, so a wrong table in the parser cannot also be the oracle.
 */
final class Wire {
    private static final String TCHAR_SPECIALS = "!#$%&'*+-.^_`|~";

    private Wire() {
    }

    /** Delivers {@code data} at most {@code piece} bytes per read, then end of stream; never waits. */
    static ByteSource feed(byte[] data, int piece) {
        int[] at = {0};
        return (b, off, len, timeoutMillis) -> {
            if (at[0] == data.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, piece), data.length - at[0]);
            System.arraycopy(data, at[0], b, off, n);
            at[0] += n;
            return n;
        };
    }

    /** An input buffer like a connection's: {@code initial} bytes to start with, grown up to the config's limit. */
    static InputBuffer buffer(byte[] data, int piece, int initial, ServerConfig config) {
        // The connection sizes its buffer for two request lines plus a header section and some slack.
        int max = 2 * config.maxRequestLineLength() + config.maxHeaderSize() + 8192;
        return new InputBuffer(feed(data, piece), initial, max, () -> {
        });
    }

    static long farDeadline() {
        return System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    }

    /** RFC 9110 token character. */
    static boolean tchar(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                || c < 0x80 && c > 0 && TCHAR_SPECIALS.indexOf(c) >= 0;
    }

    /** RFC 9110 field-value octet: anything but a control other than HTAB (obs-text included). */
    static boolean fieldValueOctet(int c) {
        c &= 0xFF;
        return c == '\t' || c >= 0x20 && c != 0x7F;
    }

    static String latin1(byte[] b, int off, int len) {
        return new String(b, off, len, StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
