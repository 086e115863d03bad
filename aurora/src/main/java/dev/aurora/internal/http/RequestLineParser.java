package dev.aurora.internal.http;

/**
 * Parses {@code method SP request-target SP HTTP-version} (RFC 9112 section 3) from bytes.
 *
 * <p>Strict by design: exactly one space between the parts; the method is a token, compared
 * case-sensitively; the target is origin-form ({@code /path?query}), absolute-form
 * ({@code http://authority/path}, whose authority then wins over Host) or {@code *} for OPTIONS,
 * with well-formed percent-escapes. Its path and query hold the characters of a table chosen by
 * {@link dev.aurora.TargetCharacters}: RFC 3986's, or those plus what browsers send unencoded
 * ({@code " < > [ \ ] ^ ` { | }} and bytes of 0x80 and above); never controls, spaces or
 * {@code #}, so no table can let a target shift the line's framing. The version
 * is {@code HTTP/1.0} or {@code HTTP/1.x}; another major version gets {@code 505}.
 *
 * <p>The common methods are matched against packed constants, so no {@code String} is created for
 * them. Stateless; runs on the connection's virtual thread.
 */
final class RequestLineParser {
    private static final int GET = word("GET ");
    private static final int PUT = word("PUT ");
    private static final int POST = word("POST");
    private static final int HEAD = word("HEAD");
    private static final int HTTP = word("HTTP");
    /** {@code HTTP/1.1}: the version is the line's fixed-width tail. */
    private static final int VERSION_LENGTH = 8;
    /** Offsets in {@code HTTP/x.y}. */
    private static final int VERSION_SLASH = 4;
    private static final int VERSION_MAJOR = 5;
    private static final int VERSION_DOT = 6;
    private static final int VERSION_MINOR = 7;
    /** The {@code ://} after an absolute-form target's scheme. */
    private static final int SCHEME_SEPARATOR_LENGTH = 3;

    private RequestLineParser() {
    }

    /** @param targetChars {@link Ascii#targetChars}: the bytes the path and query may hold */
    static void parse(byte[] b, int base, RequestHead head, boolean[] targetChars) {
        int start = base + head.lineStart[0];
        int end = base + head.lineEnd[0];

        int sp1 = start;
        while (sp1 < end && Ascii.isTchar(b[sp1])) {
            sp1++;
        }
        if (sp1 == start || sp1 >= end || b[sp1] != Ascii.SP) {
            throw new ProtocolException(400, "Malformed request line: method");
        }
        head.method = method(b, start, sp1 - start);

        int targetStart = sp1 + 1;
        int versionStart = end - VERSION_LENGTH;
        if (versionStart <= targetStart || b[versionStart - 1] != Ascii.SP) {
            throw new ProtocolException(400, "Malformed request line");
        }
        parseVersion(b, versionStart, head);
        parseTarget(b, base, targetStart, versionStart - 1, head, targetChars);
    }

    private static void parseVersion(byte[] b, int at, RequestHead head) {
        if (readInt(b, at) != HTTP || b[at + VERSION_SLASH] != '/' || !Ascii.isDigit(b[at + VERSION_MAJOR])
                || b[at + VERSION_DOT] != '.' || !Ascii.isDigit(b[at + VERSION_MINOR])) {
            throw new ProtocolException(400, "Malformed HTTP version");
        }
        if (b[at + VERSION_MAJOR] != '1') {
            throw new ProtocolException(505, "HTTP Version Not Supported");
        }
        // A higher 1.x minor version is handled as 1.1 (RFC 9110 section 6.2).
        head.minorVersion = b[at + VERSION_MINOR] == '0' ? 0 : 1;
    }

    private static void parseTarget(byte[] b, int base, int start, int end, RequestHead head, boolean[] targetChars) {
        head.targetStart = start - base;
        head.targetEnd = end - base;
        int pathStart;
        if (b[start] == '/') {
            pathStart = start;
        } else if (end - start == 1 && b[start] == '*') {
            if (!"OPTIONS".equals(head.method)) {
                throw new ProtocolException(400, "Asterisk-form is only allowed for OPTIONS");
            }
            head.asteriskForm = true;
            head.pathStart = start - base;
            head.pathEnd = end - base;
            return;
        } else {
            // The authority (which may be an IP literal in brackets) is checked by HostSyntax.
            pathStart = absoluteForm(b, base, start, end, head);
        }
        for (int i = pathStart; i < end; i++) {
            byte c = b[i];
            if (!targetChars[c & 0xFF]) {
                throw new ProtocolException(400, "Invalid character in request target");
            }
            if (c == '%' && !Ascii.isPercentEscape(b, i, end)) {
                throw new ProtocolException(400, "Malformed percent-encoding in request target");
            }
        }
        int q = pathStart;
        while (q < end && b[q] != '?') {
            q++;
        }
        head.pathStart = pathStart - base;
        head.pathEnd = q - base;
        if (q < end) {
            head.queryStart = q + 1 - base;
            head.queryEnd = end - base;
        }
    }

    /** Parses {@code http[s]://authority[/path]} and returns where the path begins. */
    private static int absoluteForm(byte[] b, int base, int start, int end, RequestHead head) {
        int colon = start;
        while (colon < end && b[colon] != ':') {
            colon++;
        }
        int schemeLength = colon - start;
        boolean http = Ascii.equalsIgnoreCase(b, start, schemeLength, "http")
                || Ascii.equalsIgnoreCase(b, start, schemeLength, "https");
        if (!http || colon + 2 >= end || b[colon + 1] != '/' || b[colon + 2] != '/') {
            throw new ProtocolException(400, "Unsupported request target form");
        }
        int authorityStart = colon + SCHEME_SEPARATOR_LENGTH;
        int authorityEnd = authorityStart;
        while (authorityEnd < end && b[authorityEnd] != '/' && b[authorityEnd] != '?') {
            authorityEnd++;
        }
        if (!HostSyntax.isValid(b, authorityStart, authorityEnd) || authorityEnd == authorityStart) {
            throw new ProtocolException(400, "Invalid authority in request target");
        }
        head.authorityStart = authorityStart - base;
        head.authorityEnd = authorityEnd - base;
        return authorityEnd;
    }

    private static String method(byte[] b, int start, int length) {
        // Methods of three and four letters are compared as one int against the packed names.
        if (length == 3) {
            int w = readInt(b, start);
            if (w == GET) {
                return "GET";
            }
            if (w == PUT) {
                return "PUT";
            }
        } else if (length == 4) {
            int w = readInt(b, start);
            if (w == POST) {
                return "POST";
            }
            if (w == HEAD) {
                return "HEAD";
            }
        }
        return switch (Ascii.latin1(b, start, length)) {
            case "DELETE" -> "DELETE";
            case "PATCH" -> "PATCH";
            case "OPTIONS" -> "OPTIONS";
            case "TRACE" -> "TRACE";
            case "CONNECT" -> "CONNECT";
            case String other -> other;
        };
    }

    private static int word(String four) {
        return readInt(Ascii.bytes(four), 0);
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
