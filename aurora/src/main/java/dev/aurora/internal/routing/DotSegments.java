package dev.aurora.internal.routing;

import dev.aurora.internal.http.Ascii;

/**
 * Finds dot segments ({@code .} and {@code ..}, also percent-encoded as {@code %2e}, and also
 * between encoded slashes {@code %2F} or backslashes, raw or encoded) in a request path. Aurora refuses such paths with {@code 400} instead of normalizing them: routes and
 * anything that maps paths to files (a catch-all serving a directory) then never see a segment
 * that climbs out of its prefix, whatever the client encoded. Stateless; any thread.
 */
public final class DotSegments {
    private DotSegments() {
    }

    /** Whether {@code b[off, off+len)} has a segment that is {@code .} or {@code ..} once decoded. */
    public static boolean present(byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        while (i < end) {
            int boundary = boundaryLength(b, i, end);
            if (boundary > 0) {
                i += boundary;
                continue;
            }
            int dots = 0;
            boolean onlyDots = true;
            int j = i;
            while (j < end && boundaryLength(b, j, end) == 0) {
                if (b[j] == '.') {
                    dots++;
                    j++;
                } else if (b[j] == '%' && j + 2 < end && b[j + 1] == '2' && Ascii.toLower(b[j + 2]) == 'e') {
                    dots++;
                    j += 3;
                } else {
                    onlyDots = false;
                    j++;
                }
            }
            if (onlyDots && (dots == 1 || dots == 2)) {
                return true;
            }
            i = j;
        }
        return false;
    }

    /**
     * A segment boundary is {@code /}, a backslash (a separator on Windows; a lenient request
     * target may hold it raw), or either encoded ({@code %2F}, {@code %5C}): a handler that decodes
     * a parameter or catch-all sees {@code %2F} as {@code /}, so {@code ..%2F} must count as a dot
     * segment too.
     */
    private static int boundaryLength(byte[] b, int i, int end) {
        if (b[i] == '/' || b[i] == '\\') {
            return 1;
        }
        if (b[i] == '%' && i + 2 < end && ((b[i + 1] == '2' && Ascii.toLower(b[i + 2]) == 'f')
                || (b[i + 1] == '5' && Ascii.toLower(b[i + 2]) == 'c'))) {
            return 3;
        }
        return 0;
    }
}
